"""python -m dateline.train [--shared PATH] [--work PATH]: the same as `dateline train events`."""
import sys

from ..cli.train import train_group

train_group(prog_name="python -m dateline.train", args=["events", *sys.argv[1:]])
