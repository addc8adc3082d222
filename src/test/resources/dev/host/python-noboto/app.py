"""Imports boto3, which Lambda's Python runtime includes and a machine may not have."""
import boto3


def handler(event, context):
    return boto3.__name__
