// One harness for every test: React act() environment, pinned colour, no CI/NO_COLOR leaking in.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
process.env.FORCE_COLOR = '0';
delete process.env.NO_COLOR;
delete process.env.CI;
