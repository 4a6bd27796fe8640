"""Development tooling shared by the tests, the bench and the scripts: starting processes on free
ports, the servers of the stack and the supervisor's configuration that `make run` writes
(stack_config.py), the headless browser. Never imported by
the product (orientation/, actions/, addons/)."""
