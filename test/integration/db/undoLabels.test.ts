// Undo and redo name what they take back, in words a person reads on the button and in "Undid: …".
import { describe, expect, it } from 'vitest';
import { aWorkspace } from '../../support/app.ts';

describe('undo and redo labels', () => {
  it('names the change Undo would take back, and after an undo the one Redo would bring again', async () => {
    const t = await aWorkspace();
    const client = await t.call('clients.create', { name: 'Harbor Bank' });
    expect((await t.call('workspace.current', {}))?.undoLabel).toBe('add client Harbor Bank');
    const workload = await t.call('workloads.create', { clientId: client.id, name: 'Policy Q&A' });
    await t.call('workloads.update', { ...workload, owner: 'Compliance IT' });
    expect((await t.call('workspace.current', {}))?.undoLabel).toBe('edit workload Policy Q&A');

    await t.call('clients.delete', { id: client.id });
    const before = await t.call('workspace.current', {});
    expect(before).toMatchObject({ undoLabel: 'delete client Harbor Bank', redoLabel: null });

    const undone = await t.call('history.undo', {});
    expect(undone).toMatchObject({ redoLabel: 'delete client Harbor Bank', undoLabel: 'edit workload Policy Q&A' });
    const redone = await t.call('history.redo', {});
    expect(redone).toMatchObject({ undoLabel: 'delete client Harbor Bank', redoLabel: null });
  });

  it('names the workload a job profile or an override belongs to, and the policy in plain words', async () => {
    const t = await aWorkspace();
    const client = await t.call('clients.create', { name: 'Northwind' });
    const w = await t.call('workloads.create', { clientId: client.id, name: 'Ticket router' });
    const policy = await t.call('policy.get', {});
    await t.call('policy.update', { ...policy, retestDays: policy.retestDays + 1 });
    expect((await t.call('workspace.current', {}))?.undoLabel).toBe('edit the deadline policy');
    await t.call('overrides.set', { workloadId: w.id, job: 'behavior', approach: 'open_weight', reason: 'Edge devices' });
    expect((await t.call('workspace.current', {}))?.undoLabel).toBe('override behavior for Ticket router');
  });
});
