import { DomainError } from './errors.js';
import { defineLifecycle } from './lifecycle.js';

type Cmd = { type: 'Open' } | { type: 'Start' } | { type: 'Finish' } | { type: 'Archive' };
type Ev =
  | { type: 'Opened'; data: object }
  | { type: 'Started'; data: object }
  | { type: 'Noted'; data: object }
  | { type: 'Finished'; data: { early: boolean } }
  | { type: 'Archived'; data: object };

const lifecycle = defineLifecycle<'new' | 'working' | 'done' | 'archived', Cmd, Ev>({
  name: 'work item',
  statuses: ['new', 'working', 'done', 'archived'],
  terminal: ['archived'],
  settled: ['done'],
  commands: { Open: 'create', Start: ['new'], Finish: ['new', 'working'], Archive: ['done'] },
  events: {
    Opened: 'new',
    Started: 'working',
    Noted: 'unchanged',
    Finished: (before, e) => (e.data.early && before === 'new' ? 'done' : 'done'),
    Archived: 'archived',
  },
});

describe('Lifecycle', () => {
  it('should derive the open statuses from the terminal and settled ones', () => {
    expect(lifecycle.open).toEqual(['new', 'working']);
    expect(lifecycle.isTerminal('archived')).toBe(true);
    expect(lifecycle.isOpen('done')).toBe(false);
  });

  it('should allow a creation command only before the first event', () => {
    expect(lifecycle.allows('Open', undefined)).toBe(true);
    expect(lifecycle.allows('Open', 'new')).toBe(false);
    expect(lifecycle.allows('Start', undefined)).toBe(false);
  });

  it('should refuse a command outside its statuses with a coded conflict', () => {
    expect(() => lifecycle.require('Archive', 'working')).toThrow(DomainError);
    try {
      lifecycle.require('Archive', 'working');
    } catch (error) {
      expect((error as DomainError).code).toBe('WORK_ITEM_INVALID_TRANSITION');
      expect((error as DomainError).kind).toBe('conflict');
    }
    expect(() => lifecycle.require('Finish', 'working')).not.toThrow();
  });

  it('should give the status after each event', () => {
    expect(lifecycle.statusAfter({ type: 'Opened', data: {} }, undefined)).toBe('new');
    expect(lifecycle.statusAfter({ type: 'Noted', data: {} }, 'working')).toBe('working');
    expect(lifecycle.statusAfter({ type: 'Finished', data: { early: true } }, 'new')).toBe('done');
    expect(() => lifecycle.statusAfter({ type: 'Noted', data: {} }, undefined)).toThrow();
  });

  describe('with a command that creates and later redefines', () => {
    type DefCmd = { type: 'Define' } | { type: 'Retire' };
    type DefEv = { type: 'Defined'; data: object } | { type: 'Retired'; data: object };
    const definition = defineLifecycle<'defined' | 'retired', DefCmd, DefEv>({
      name: 'setting',
      statuses: ['defined', 'retired'],
      terminal: ['retired'],
      commands: { Define: ['create', 'defined'], Retire: ['defined'] },
      events: { Defined: 'defined', Retired: 'retired' },
    });

    it('should allow it before the first event and in its statuses, and nowhere else', () => {
      expect(definition.allows('Define', undefined)).toBe(true);
      expect(definition.allows('Define', 'defined')).toBe(true);
      expect(definition.allows('Define', 'retired')).toBe(false);
      expect(definition.allows('Retire', undefined)).toBe(false);
      expect(() => definition.require('Define', undefined)).not.toThrow();
      expect(() => definition.require('Retire', undefined)).toThrow(expect.objectContaining({ code: 'SETTING_INVALID_TRANSITION' }));
    });
  });

  describe('with the aggregate’s own refusals', () => {
    const refusing = defineLifecycle<'new' | 'working' | 'done' | 'archived', Cmd, Ev>({
      name: 'work item',
      statuses: ['new', 'working', 'done', 'archived'],
      terminal: ['archived'],
      commands: { Open: 'create', Start: ['new'], Finish: ['new', 'working'], Archive: ['done'] },
      events: { Opened: 'new', Started: 'working', Noted: 'unchanged', Finished: 'done', Archived: 'archived' },
      refuse: (command, status) =>
        command === 'Archive' ? new DomainError('WORK_ITEM_NOT_DONE', `Only done work is archived (it is ${status})`, 'rule') : undefined,
    });

    it('should throw the aggregate’s refusal for the commands it names', () => {
      expect(() => refusing.require('Archive', 'working')).toThrow(expect.objectContaining({ code: 'WORK_ITEM_NOT_DONE', kind: 'rule' }));
    });

    it('should fall back to the generic refusal for the others, and refuse nothing allowed', () => {
      expect(() => refusing.require('Start', 'done')).toThrow(expect.objectContaining({ code: 'WORK_ITEM_INVALID_TRANSITION', kind: 'conflict' }));
      expect(() => refusing.require('Archive', 'done')).not.toThrow();
    });
  });
});
