# The seed document's Python `requests` example for listing synchronizers, made runnable:
# fetch, parse, and print the JSON, which is the work `synq synchronizers list --json` does.
import json
import os
import sys

import requests

API_BASE = os.environ["ENTERPRISE_API_URL"]
HEADERS = {"X-Enterprise-API-Key": os.environ["ENTERPRISE_API_KEY"], "Content-Type": "application/json"}


def list_synchronizers():
    response = requests.get(f"{API_BASE}/synq-keys/enterprise/synchronizers",
                            headers={"X-Enterprise-API-Key": HEADERS["X-Enterprise-API-Key"]})
    return response.json()


json.dump(list_synchronizers(), sys.stdout)
