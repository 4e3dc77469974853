import type { AnyNode, Function as FunctionNode, Statement, SwitchStatement } from 'acorn';
import type { CodeFacts } from './code-facts.js';
import { CompletionEffects } from './completion-effects.js';
import {
  applyEffect,
  emptyFlow,
  nowhere,
  summaryOf,
  union,
  type Flow,
  type States,
  type Summary,
} from './completion-states.js';

/**
 * Follows every path through a tag's code (if/else, switch, loops, early returns) and records,
 * at each place a path ends, whether it has completed the tag. Conservative: conditions are
 * not evaluated, and a loop body may run zero times.
 */
export class CompletionFlow {
  readonly effects: CompletionEffects;

  constructor(facts: CodeFacts) {
    this.effects = new CompletionEffects(facts, (node) => this.summarise(node));
  }

  /** The flow through a list of statements, starting with the paths in `incoming`. */
  statements(list: readonly AnyNode[], incoming: States): Flow {
    let current = incoming;
    const flow: Flow = emptyFlow(nowhere);
    for (const statement of list) {
      const next = this.statement(statement, current);
      flow.returns.push(...next.returns);
      flow.breaks = union(flow.breaks, next.breaks);
      flow.continues = union(flow.continues, next.continues);
      current = next.normal;
    }
    flow.normal = current;
    return flow;
  }

  private summarise(node: FunctionNode): Summary {
    if (node.body.type !== 'BlockStatement') {
      const effect = this.effects.effectOf(node.body);
      return effect === 'yes' ? 'always' : effect === 'maybe' ? 'sometimes' : 'never';
    }
    const flow = this.statements(node.body.body, new Set(['no']));
    return summaryOf(union(flow.normal, ...flow.returns.map((end) => end.states)));
  }

  private statement(node: AnyNode, current: States): Flow {
    const effect = (expression: AnyNode | null | undefined) =>
      applyEffect(current, this.effects.effectOf(expression));
    switch (node.type) {
      case 'ExpressionStatement':
        return emptyFlow(effect(node.expression));
      case 'VariableDeclaration':
        return emptyFlow(
          node.declarations.reduce(
            (states, declarator) => applyEffect(states, this.effects.effectOf(declarator.init)),
            current,
          ),
        );
      case 'ReturnStatement':
        return { ...emptyFlow(nowhere), returns: [{ states: effect(node.argument), node }] };
      case 'ThrowStatement':
        return emptyFlow(nowhere);
      case 'BlockStatement':
        return this.statements(node.body, current);
      case 'IfStatement':
        return this.ifStatement(node, effect(node.test));
      case 'SwitchStatement':
        return this.switchStatement(node, effect(node.discriminant));
      case 'BreakStatement':
        return { ...emptyFlow(nowhere), breaks: current };
      case 'ContinueStatement':
        return { ...emptyFlow(nowhere), continues: current };
      case 'TryStatement':
        return this.tryStatement(node, current);
      case 'LabeledStatement':
        return this.statement(node.body, current);
      case 'WithStatement':
        return this.statement(node.body, effect(node.object));
      default:
        return this.loop(node, current) ?? emptyFlow(current);
    }
  }

  private ifStatement(node: AnyNode & { type: 'IfStatement' }, current: States): Flow {
    const consequent = this.statement(node.consequent, current);
    const alternate = node.alternate ? this.statement(node.alternate, current) : emptyFlow(current);
    return merge(consequent, alternate);
  }

  private switchStatement(node: SwitchStatement, current: States): Flow {
    let fallthrough: States = nowhere;
    const flow = emptyFlow(nowhere);
    for (const branch of node.cases) {
      const cases = this.statements(branch.consequent, union(current, fallthrough));
      flow.returns.push(...cases.returns);
      flow.breaks = union(flow.breaks, cases.breaks);
      flow.continues = union(flow.continues, cases.continues);
      fallthrough = cases.normal;
    }
    const hasDefault = node.cases.some((branch) => branch.test === null);
    flow.normal = union(fallthrough, flow.breaks, hasDefault ? nowhere : current);
    flow.breaks = nowhere;
    return flow;
  }

  private tryStatement(node: AnyNode & { type: 'TryStatement' }, current: States): Flow {
    const block = this.statements(node.block.body, current);
    // The handler may start anywhere in the block: with the states before it or after it.
    const handler = node.handler
      ? this.statements(node.handler.body.body, union(current, block.normal))
      : emptyFlow(nowhere);
    const joined = merge(block, handler);
    if (!node.finalizer) return joined;
    const after = this.statements(node.finalizer.body, joined.normal);
    return { ...after, returns: [...joined.returns, ...after.returns] };
  }

  private loop(node: AnyNode, current: States): Flow | undefined {
    const parts = loopParts(node);
    if (!parts) return undefined;
    const before = parts.head.reduce(
      (states, part) => applyEffect(states, this.effects.effectOf(part)),
      current,
    );
    const body = this.statement(parts.body, before);
    // `for (;;)` and `while (true)` leave only through break or return.
    const skipped = parts.isEndless ? nowhere : parts.runsOnce ? nowhere : before;
    const leaving = union(
      skipped,
      parts.isEndless ? nowhere : union(body.normal, body.continues),
      body.breaks,
    );
    return { normal: leaving, returns: body.returns, breaks: nowhere, continues: nowhere };
  }
}

function merge(first: Flow, second: Flow): Flow {
  return {
    normal: union(first.normal, second.normal),
    returns: [...first.returns, ...second.returns],
    breaks: union(first.breaks, second.breaks),
    continues: union(first.continues, second.continues),
  };
}

function loopParts(node: AnyNode):
  | {
      head: Array<AnyNode | null | undefined>;
      body: Statement;
      isEndless: boolean;
      runsOnce: boolean;
    }
  | undefined {
  const isTrue = (test: AnyNode | null | undefined) =>
    !test || (test.type === 'Literal' && test.value === true);
  switch (node.type) {
    case 'WhileStatement':
      return { head: [node.test], body: node.body, isEndless: isTrue(node.test), runsOnce: false };
    case 'DoWhileStatement':
      return { head: [], body: node.body, isEndless: isTrue(node.test), runsOnce: true };
    case 'ForStatement':
      return {
        head: [node.init, node.test],
        body: node.body,
        isEndless: isTrue(node.test),
        runsOnce: false,
      };
    case 'ForInStatement':
    case 'ForOfStatement':
      return { head: [node.right], body: node.body, isEndless: false, runsOnce: false };
    default:
      return undefined;
  }
}
