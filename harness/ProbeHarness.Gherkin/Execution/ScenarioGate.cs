namespace ProbeHarness.Gherkin.Execution;

/// <summary>
/// A counting gate whose waiters tagged <c>@long</c> go first: the suite's wall time is at least its longest scenario's
/// start plus its duration, so a long scenario should not wait behind short ones for a slot.
/// </summary>
internal sealed class ScenarioGate
{
    private readonly object _lock = new();
    private readonly LinkedList<TaskCompletionSource> _long = new();
    private readonly LinkedList<TaskCompletionSource> _others = new();
    private int _free;

    /// <summary>A gate with <paramref name="capacity"/> slots.</summary>
    public ScenarioGate(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _free = capacity;
    }

    /// <summary>Waits for a slot; a <paramref name="isLong"/> waiter gets the next free slot before any other waiter.</summary>
    public Task EnterAsync(bool isLong, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (_free > 0)
            {
                _free--;
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var node = (isLong ? _long : _others).AddLast(waiter);
            if (cancellationToken.CanBeCanceled)
            {
                var registration = cancellationToken.Register(() => Cancel(node, cancellationToken));
                // Unregister, not Dispose: Dispose would wait for a running callback, which may wait for the lock.
                _ = waiter.Task.ContinueWith(_ => registration.Unregister(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }

            return waiter.Task;
        }
    }

    /// <summary>Frees a slot: hands it to the first long waiter, else the first other waiter, else keeps it free.</summary>
    public void Release()
    {
        lock (_lock)
        {
            var next = _long.First ?? _others.First;
            if (next is null)
            {
                _free++;
                return;
            }

            next.List!.Remove(next);
            next.Value.TrySetResult();
        }
    }

    private void Cancel(LinkedListNode<TaskCompletionSource> node, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (node.List is { } list)
            {
                list.Remove(node);
                node.Value.TrySetCanceled(cancellationToken);
            }
        }
    }
}
