"""Testgen stage: the generated tests' values, cases and their proof, handed to plan as a TestPlan
(`testplan.plan_tests`).

Value synthesis (examples, synthesized values, samples of patterns, XML bodies), the test cases and
views the test templates print, and the generation-time proof that runs them against the code the
tests run. Reads the IR and the document; imported lazily: nothing here is needed on a cache hit."""
