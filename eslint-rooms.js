// The layout's two rules as ESLint rules (eslint.config.js applies them; e2e/lint-boundaries.test.ts proves they fire):
// electron/core keeps only its own files at its root, and every file in electron/cli/commands defines a command.
// Custom rules follow https://eslint.org/docs/latest/extend/custom-rules; a plugin object inline in the flat config
// is https://eslint.org/docs/latest/use/configure/plugins#configure-a-virtual-plugin.
import path from 'node:path';

/**
 * The files electron/core keeps at its root: the door's inside (core.ts), the one module front ends may import
 * (public.ts), and what every folder uses; a test beside one of them goes with it. Everything else lives in a folder
 * of its concept (CONTRIBUTING.md, "The rooms").
 */
export const CORE_ROOT_FILES = [
  'core.ts',
  'public.ts',
  'errors.ts',
  'next-step.ts',
  'events.ts',
  'clock.ts',
  'environment.ts',
  'identifiers.ts',
  'endpoint-url.ts',
  'work-tracker.ts',
  'runs-without-electron.test.ts',
];

/** x.test.ts and x.y.test.ts go with x.ts. */
function sourceOf(name) {
  const test = /^([^.]+)(?:\.[\w-]+)*\.(?:test|spec)\.ts$/.exec(name);
  return test ? `${test[1]}.ts` : name;
}

const coreRoot = {
  meta: {
    type: 'problem',
    docs: {
      description: 'electron/core keeps only its own files at its root; the rest live in folders by concept',
    },
    schema: [
      {
        type: 'object',
        properties: { allowed: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
    ],
    messages: {
      flat: "{{name}} lies flat in electron/core, whose root holds only the core's own files: put it in the folder of the concept it serves (session/, settings/, accounts/, role-credentials/, profiles/, assembly/ …, or a new one), or add it to CORE_ROOT_FILES in eslint-rooms.js if every folder uses it.",
    },
  },
  create(context) {
    const allowed = new Set(context.options[0]?.allowed ?? []);
    const name = path.basename(context.filename);
    return {
      Program(node) {
        if (!allowed.has(name) && !allowed.has(sourceOf(name)))
          context.report({ node, messageId: 'flat', data: { name } });
      },
    };
  },
};

const ADD = /^add[A-Z]\w*$/;
const isFunction = (node) =>
  node?.type === 'FunctionDeclaration' ||
  node?.type === 'ArrowFunctionExpression' ||
  node?.type === 'FunctionExpression';

/**
 * A command module exports add<Name>(program, host) functions that each register at least one command with commander
 * (a `.command(…)` call, or `roleCommand(…)` from cli/command-host.ts), and no other value: a helper that commands
 * share lives in electron/cli/run/.
 */
const commandModule = {
  meta: {
    type: 'problem',
    docs: { description: 'every file in electron/cli/commands defines a command, and nothing else' },
    schema: [],
    messages: {
      noCommand:
        'electron/cli/commands holds commands only, and this file exports no add<Name>(program, host) that registers one with .command() or roleCommand(): move it to electron/cli/run/ if it is a helper.',
      silentAdd:
        "{{name}} registers no command (no .command() or roleCommand() call in it): a command module's add<Name> adds its command to the program.",
      helper:
        'A command module exports only its add<Name> functions (and types): move {{name}} to electron/cli/run/, where every command that needs it can import it.',
    },
  },
  create(context) {
    const adders = new Map(); // function node -> { name, registers }
    const helpers = [];
    const exported = (node, name, value) => {
      if (ADD.test(name) && isFunction(value)) adders.set(value, { name, node, registers: false });
      else helpers.push({ node, name });
    };
    return {
      ExportNamedDeclaration(node) {
        if (node.exportKind === 'type') return;
        const d = node.declaration;
        if (!d) {
          for (const spec of node.specifiers)
            if (spec.exportKind !== 'type')
              helpers.push({ node: spec, name: spec.exported.name ?? spec.exported.value });
          return;
        }
        if (d.type === 'FunctionDeclaration') exported(d, d.id.name, d);
        else if (d.type === 'VariableDeclaration')
          for (const decl of d.declarations) exported(decl, decl.id.name ?? '(destructured)', decl.init);
        else if (d.type === 'ClassDeclaration' || d.type === 'TSEnumDeclaration')
          helpers.push({ node: d, name: d.id.name });
      },
      ExportDefaultDeclaration(node) {
        helpers.push({ node, name: 'default' });
      },
      ExportAllDeclaration(node) {
        helpers.push({ node, name: `* from ${node.source.value}` });
      },
      CallExpression(node) {
        const callee = node.callee;
        const registers =
          (callee.type === 'MemberExpression' && !callee.computed && callee.property.name === 'command') ||
          (callee.type === 'Identifier' && callee.name === 'roleCommand');
        if (!registers) return;
        for (const ancestor of context.sourceCode.getAncestors(node)) {
          const adder = adders.get(ancestor);
          if (adder) adder.registers = true;
        }
      },
      'Program:exit'(program) {
        for (const { node, name } of helpers) context.report({ node, messageId: 'helper', data: { name } });
        const all = [...adders.values()];
        if (!all.some((a) => a.registers)) context.report({ node: program, messageId: 'noCommand' });
        else
          for (const adder of all)
            if (!adder.registers)
              context.report({ node: adder.node, messageId: 'silentAdd', data: { name: adder.name } });
      },
    };
  },
};

export const rooms = {
  meta: { name: 'sso-tray-rooms' },
  rules: { 'core-root': coreRoot, 'command-module': commandModule },
};
