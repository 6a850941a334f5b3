"""Parses a docker-compose file with PyYAML and prints it as JSON, for AirflowImageTest."""
import json
import sys

import yaml

print(json.dumps(yaml.safe_load(open(sys.argv[1], encoding="utf-8"))))
