import type { AnyNode, CallExpression, Expression, Function as FunctionNode } from 'acorn';
import { propertyKeyName, type CodeFacts } from './code-facts.js';
import {
  effectOfSummary,
  sequence,
  weaken,
  type Effect,
  type Summary,
} from './completion-states.js';
import { childEntries, walkAst } from './walk-ast.js';

const callbacks = new Set(['gtmOnSuccess', 'gtmOnFailure']);
// Promise methods run their callbacks once the promise settles: as good as an API callback.
const promiseMethods = new Set(['then', 'catch', 'finally']);

/**
 * What expressions do to a tag's completion: calls of `data.gtmOnSuccess`/`gtmOnFailure` (or
 * aliases of them), calls of local functions by their summary, and callbacks handed to APIs
 * or promise methods by the summary of the callback. Anything else that receives a callback
 * or `data` might complete the tag, so it counts as `maybe`.
 */
export class CompletionEffects {
  private readonly functions = new Map<string, FunctionNode | null>();
  private readonly aliases = new Set<string>();
  private readonly summaries = new Map<FunctionNode, Summary>();

  constructor(
    private readonly facts: CodeFacts,
    private readonly summarise: (node: FunctionNode) => Summary,
  ) {
    walkAst(facts.program, (node) => this.learnName(node));
  }

  /** The effect of evaluating `node` once, not counting function bodies it only defines. */
  effectOf(node: AnyNode | null | undefined): Effect {
    if (!node || isFunction(node)) return 'none';
    switch (node.type) {
      case 'CallExpression':
        return this.callEffect(node);
      case 'LogicalExpression':
        return sequence(this.effectOf(node.left), weaken(this.effectOf(node.right)));
      case 'ConditionalExpression':
        return sequence(this.effectOf(node.test), this.branches(node.consequent, node.alternate));
      default:
        return childEntries(node).reduce<Effect>(
          (effect, [, child]) => sequence(effect, this.effectOf(child)),
          'none',
        );
    }
  }

  /** The summary of a function body, computed once per function (recursion counts as unknown). */
  summaryOf(node: FunctionNode): Summary {
    const known = this.summaries.get(node);
    if (known) return known;
    this.summaries.set(node, 'sometimes');
    const summary = this.summarise(node);
    this.summaries.set(node, summary);
    return summary;
  }

  private branches(first: Expression, second: Expression): Effect {
    const [left, right] = [this.effectOf(first), this.effectOf(second)];
    if (left === 'yes' && right === 'yes') return 'yes';
    return left === 'none' && right === 'none' ? 'none' : 'maybe';
  }

  private callEffect(call: CallExpression): Effect {
    const callee = call.callee;
    const evaluated = [
      callee.type === 'MemberExpression' ? callee.object : undefined,
      ...call.arguments.filter((argument) => !isFunction(argument)),
    ];
    const before = evaluated.reduce<Effect>(
      (effect, part) => sequence(effect, this.effectOf(part)),
      'none',
    );
    return sequence(before, this.ownEffect(call));
  }

  private ownEffect(call: CallExpression): Effect {
    const callee = call.callee;
    if (this.isCompletion(callee)) return 'yes';
    if (isFunction(callee)) return effectOfSummary(this.summaryOf(callee));
    const handed = call.arguments.map((argument) => this.callbackEffect(argument));
    const best: Effect = handed.includes('yes')
      ? 'yes'
      : handed.includes('maybe')
        ? 'maybe'
        : 'none';
    const local = callee.type === 'Identifier' ? this.functions.get(callee.name) : undefined;
    if (local) return sequence(effectOfSummary(this.summaryOf(local)), weaken(best));
    if (local === null) return 'maybe';
    return this.isApiCall(callee) ? best : weaken(best);
  }

  private callbackEffect(argument: AnyNode): Effect {
    if (isFunction(argument)) return effectOfSummary(this.summaryOf(argument));
    if (this.isCompletion(argument)) return 'yes';
    if (argument.type === 'Identifier' && argument.name === 'data') return 'maybe';
    const local = argument.type === 'Identifier' ? this.functions.get(argument.name) : undefined;
    if (local) return effectOfSummary(this.summaryOf(local));
    return local === null ? 'maybe' : 'none';
  }

  private isApiCall(callee: AnyNode): boolean {
    if (callee.type === 'Identifier') return this.facts.apiBindings.has(callee.name);
    if (callee.type !== 'MemberExpression' || callee.computed) return false;
    const method = propertyKeyName(callee.property);
    if (method !== undefined && promiseMethods.has(method)) return true;
    return callee.object.type === 'Identifier' && this.facts.apiBindings.has(callee.object.name);
  }

  /** `data.gtmOnSuccess`, `data['gtmOnFailure']`, or a variable holding one of them. */
  private isCompletion(node: AnyNode): boolean {
    if (node.type === 'Identifier') return this.aliases.has(node.name);
    if (
      node.type !== 'MemberExpression' ||
      node.object.type !== 'Identifier' ||
      node.object.name !== 'data'
    )
      return false;
    const name =
      node.computed && node.property.type !== 'Literal'
        ? undefined
        : propertyKeyName(node.property);
    return name !== undefined && callbacks.has(name);
  }

  // Names bound once to a function are that function; names bound twice are unknown (null).
  private learnName(node: AnyNode): void {
    const bind = (name: string, value: FunctionNode | null) =>
      this.functions.set(name, this.functions.has(name) ? null : value);
    if (node.type === 'FunctionDeclaration' && node.id) bind(node.id.name, node);
    if (node.type !== 'VariableDeclarator' || node.id.type !== 'Identifier') return;
    if (node.init && isFunction(node.init)) bind(node.id.name, node.init);
    else if (node.init && this.isCompletion(node.init)) this.aliases.add(node.id.name);
  }
}

export function isFunction(node: AnyNode): node is FunctionNode & AnyNode {
  return (
    node.type === 'FunctionExpression' ||
    node.type === 'ArrowFunctionExpression' ||
    node.type === 'FunctionDeclaration'
  );
}
