namespace ProbeHarness.Kubelet.Internal;

/// <summary>
/// Runs a pod kubelet's actions one at a time, in order, on whichever thread posts while no one else is draining: timer callbacks,
/// runtime and prober completions all funnel through <see cref="Post"/>, so the kubelet's state needs no locks. With a
/// <c>FakeTimeProvider</c> and synchronous fakes everything runs inside <c>Advance</c>, which makes test timelines deterministic.
/// </summary>
internal sealed class KubeletLoop
{
    private readonly Queue<Action> _queue = new();
    private readonly object _lock = new();
    private readonly Action _afterEach;
    private readonly Action<Exception> _onError;
    private bool _draining;
    private bool _closed;

    /// <summary>Creates a loop that calls <paramref name="afterEach"/> after every action and reports action failures to <paramref name="onError"/>.</summary>
    public KubeletLoop(Action afterEach, Action<Exception> onError)
    {
        _afterEach = afterEach;
        _onError = onError;
    }

    /// <summary>Queues <paramref name="action"/>; runs the queue on this thread unless another thread is already running it.</summary>
    /// <returns>False when the loop is closed and the action was dropped.</returns>
    public bool Post(Action action)
    {
        lock (_lock)
        {
            if (_closed)
            {
                return false;
            }

            _queue.Enqueue(action);
            if (_draining)
            {
                return true;
            }

            _draining = true;
        }

        Drain();
        return true;
    }

    /// <summary>Drops queued actions and ignores later posts.</summary>
    public void Close()
    {
        lock (_lock)
        {
            _closed = true;
            _queue.Clear();
        }
    }

    private void Drain()
    {
        while (true)
        {
            Action next;
            lock (_lock)
            {
                if (_closed || !_queue.TryDequeue(out next!))
                {
                    _draining = false;
                    return;
                }
            }

            Run(next);
            Run(_afterEach);
        }
    }

    private void Run(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            _onError(ex);
        }
    }
}
