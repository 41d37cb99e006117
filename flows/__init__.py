"""Prefect glue: flows and tasks that call into the ``claimtrack`` core."""
