"""Workload balance (ABK): need, staffed and gap per unit, before and after a plan."""
