// A test's verdict depends on the code alone (CONTRIBUTING.md, "Rules of the house"), as an ESLint rule that
// eslint.config.js applies to the tests and e2e/lint-boundaries.test.ts proves: no upper bound on elapsed time.
// Custom rules follow https://eslint.org/docs/latest/extend/custom-rules.

/** performance.now(), Date.now(), process.hrtime() and process.hrtime.bigint(): readings of a clock. */
function isClockReading(node) {
  if (node.type !== 'CallExpression') return false;
  const callee = node.callee;
  if (callee.type !== 'MemberExpression') return false;
  const name = (n) => (n.type === 'Identifier' ? n.name : undefined);
  if (name(callee.property) === 'now') return ['performance', 'Date'].includes(name(callee.object));
  if (name(callee.property) === 'hrtime') return name(callee.object) === 'process';
  return (
    name(callee.property) === 'bigint' &&
    callee.object.type === 'MemberExpression' &&
    name(callee.object.object) === 'process' &&
    name(callee.object.property) === 'hrtime'
  );
}

/**
 * Whether `node` is, or is arithmetic on, something that satisfies `test`: `(now - started) / 1000` is, a call or an
 * object that merely holds a reading somewhere (`{ clock: Date.now() }`) is not.
 */
const isArithmetic = (node) =>
  [
    'BinaryExpression',
    'LogicalExpression',
    'UnaryExpression',
    'TSAsExpression',
    'TSNonNullExpression',
  ].includes(node.type);

function inArithmetic(node, test) {
  if (!node) return false;
  if (test(node)) return true;
  switch (node.type) {
    case 'BinaryExpression':
    case 'LogicalExpression':
      return inArithmetic(node.left, test) || inArithmetic(node.right, test);
    case 'UnaryExpression':
      return inArithmetic(node.argument, test);
    case 'TSAsExpression':
    case 'TSNonNullExpression':
    case 'ChainExpression':
      return inArithmetic(node.expression, test);
    case 'CallExpression': // Number(now - started), Math.round(…)
      return (
        node.callee.type === 'Identifier' && node.arguments.some((argument) => inArithmetic(argument, test))
      );
    default:
      return false;
  }
}

const UPPER = new Set(['toBeLessThan', 'toBeLessThanOrEqual']);
const LOWER = new Set(['toBeGreaterThan', 'toBeGreaterThanOrEqual']);

const noElapsedUpperBound = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'a test may not bound how long something took from above: a loaded machine is slow, not wrong',
    },
    schema: [],
    messages: {
      upper:
        "An upper bound on elapsed time fails on a loaded machine: assert what happened (the calls, their order, the emulator's record), or log the figure.",
    },
  },
  create(context) {
    /** Variables holding a clock reading, or time measured between readings. */
    const readings = new Set();
    const durations = new Set();
    const isReading = (node) =>
      isClockReading(node) ||
      (node.type === 'Identifier' && (readings.has(node.name) || durations.has(node.name)));
    // A clock reading less something that is not a constant, or the reverse: time measured (elapsed = now - started,
    // lifetime = expiry - before); `before + 3600_000 - 1000` is a reading moved, not a measure.
    const isConstant = (node) => !inArithmetic(node, (n) => n.type !== 'Literal' && !isArithmetic(n));
    const isDuration = (node) =>
      (node.type === 'BinaryExpression' &&
        node.operator === '-' &&
        ((inArithmetic(node.left, isReading) && !isConstant(node.right)) ||
          (inArithmetic(node.right, isReading) && !isConstant(node.left)))) ||
      (node.type === 'Identifier' && durations.has(node.name));
    const note = (id, value) => {
      if (id?.type !== 'Identifier' || !value) return;
      if (inArithmetic(value, isDuration)) durations.add(id.name);
      else if (inArithmetic(value, isReading)) readings.add(id.name);
    };
    return {
      VariableDeclarator: (node) => note(node.id, node.init),
      AssignmentExpression: (node) => note(node.left, node.right),
      CallExpression(node) {
        const matcher = node.callee;
        if (matcher.type !== 'MemberExpression' || matcher.property.type !== 'Identifier') return;
        let subject = matcher.object;
        let negated = false;
        if (
          subject.type === 'MemberExpression' &&
          subject.property.type === 'Identifier' &&
          subject.property.name === 'not'
        ) {
          negated = true;
          subject = subject.object;
        }
        if (
          subject.type !== 'CallExpression' ||
          subject.callee.type !== 'Identifier' ||
          subject.callee.name !== 'expect'
        )
          return;
        const name = matcher.property.name;
        const measured = subject.arguments[0];
        const bound = node.arguments[0];
        // expect(elapsed).toBeLessThan(n), expect(elapsed).not.toBeGreaterThan(n), expect(n).toBeGreaterThan(elapsed)
        const capsMeasured = negated ? LOWER.has(name) : UPPER.has(name);
        const capsBound = negated ? UPPER.has(name) : LOWER.has(name);
        if (
          (capsMeasured && inArithmetic(measured, isDuration)) ||
          (capsBound && inArithmetic(bound, isDuration))
        )
          context.report({ node, messageId: 'upper' });
      },
    };
  },
};

export const verdicts = { rules: { 'no-elapsed-upper-bound': noElapsedUpperBound } };
