# Stands in for a Python without boto3 (the test machine's has it): importing it fails as a missing boto3 does.
raise ModuleNotFoundError("No module named 'boto3'", name="boto3")
