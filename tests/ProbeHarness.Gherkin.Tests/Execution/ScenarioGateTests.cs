using ProbeHarness.Gherkin.Execution;

namespace ProbeHarness.Gherkin.Tests.Execution;

public sealed class ScenarioGateTests
{
    [Fact]
    public async Task A_freed_slot_goes_to_a_long_scenario_before_earlier_others()
    {
        // Given a full gate with one other scenario waiting, then a long one
        var gate = new ScenarioGate(1);
        await gate.EnterAsync(isLong: false, TestContext.Current.CancellationToken);
        var other = gate.EnterAsync(isLong: false, TestContext.Current.CancellationToken);
        var longOne = gate.EnterAsync(isLong: true, TestContext.Current.CancellationToken);

        // When the running scenario ends
        gate.Release();
        await longOne.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // Then the long one runs and the other still waits, until the long one ends
        Assert.False(other.IsCompleted);
        gate.Release();
        await other.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_the_queue_and_takes_no_slot()
    {
        // Given a full gate and a waiter that is then cancelled
        var gate = new ScenarioGate(1);
        await gate.EnterAsync(isLong: false, TestContext.Current.CancellationToken);
        using var cancel = new CancellationTokenSource();
        var cancelled = gate.EnterAsync(isLong: true, cancel.Token);
        var next = gate.EnterAsync(isLong: false, TestContext.Current.CancellationToken);

        // When
        await cancel.CancelAsync();
        gate.Release();

        // Then
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await next.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Slots_up_to_the_capacity_are_free_at_once_and_a_release_with_no_waiter_frees_one()
    {
        // Given
        var gate = new ScenarioGate(2);

        // When
        var first = gate.EnterAsync(isLong: false, TestContext.Current.CancellationToken);
        var second = gate.EnterAsync(isLong: false, TestContext.Current.CancellationToken);
        var third = gate.EnterAsync(isLong: false, TestContext.Current.CancellationToken);

        // Then
        Assert.True(first.IsCompletedSuccessfully);
        Assert.True(second.IsCompletedSuccessfully);
        Assert.False(third.IsCompleted);
        gate.Release();
        await third.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        gate.Release();
        gate.Release();
        Assert.True(gate.EnterAsync(isLong: false, TestContext.Current.CancellationToken).IsCompletedSuccessfully);
    }
}
