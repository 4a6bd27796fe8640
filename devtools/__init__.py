"""Development tooling shared by the tests, the bench and the scripts: starting processes on free
ports, the servers of the stack as `make run` starts them, the headless browser. Never imported by
the product (orientation/, actions/, addons/)."""
