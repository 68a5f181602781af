using ProbeHarness.Emulated.Processes;
using ProbeHarness.Emulated.Tests.Support;

namespace ProbeHarness.Emulated.Tests.Processes;

public sealed class CpuPriorityTests
{
    [Fact]
    public void Raises_every_thread_above_the_target_and_leaves_higher_priorities_alone()
    {
        // Given
        var nice = new FakeNiceValues(0, 5, -15);

        // When
        var said = new CpuPriority(nice).RaiseProcess();

        // Then
        Assert.Equal([CpuPriority.TargetNice, CpuPriority.TargetNice, -15], nice.Threads.OrderBy(thread => thread.Key).Select(thread => thread.Value));
        Assert.StartsWith("CPU priority: nice -10 for this test host's threads (the kubelet emulator's probes and timers; 2 raised now)", said, StringComparison.Ordinal);
    }

    [Fact]
    public void A_thread_started_during_a_pass_is_raised_by_the_next()
    {
        // Given: while the first listing is walked, a thread not yet raised starts another at nice 0.
        var nice = new FakeNiceValues(0) { DuringFirstPass = threads => threads[2] = 0 };

        // When
        new CpuPriority(nice).RaiseProcess();

        // Then
        Assert.All(nice.Threads.Values, value => Assert.Equal(CpuPriority.TargetNice, value));
    }

    [Fact]
    public void Says_what_it_did_the_first_time_only()
    {
        // Given
        var priority = new CpuPriority(new FakeNiceValues(0));
        var first = priority.RaiseProcess();

        // When
        var second = priority.RaiseProcess();

        // Then
        Assert.NotNull(first);
        Assert.Null(second);
    }

    [Fact]
    public void Without_the_privilege_says_so_once_and_stays_at_normal_priority()
    {
        // Given: EACCES, what setpriority(2) returns to lower a nice value without CAP_SYS_NICE.
        var nice = new FakeNiceValues(0, 0) { RefuseWith = 13 };
        var priority = new CpuPriority(nice);

        // When
        var said = priority.RaiseProcess();
        var again = priority.RaiseProcess();
        priority.RaiseCallingThread();
        priority.RaiseSession(4242);

        // Then
        Assert.Equal(
            "CPU priority: normal — raising it to nice -10 was refused (setpriority: Permission denied; it needs root or CAP_SYS_NICE): "
                + "beside other CPU load the kubelet emulator and its containers may answer probes late",
            said);
        Assert.Null(again);
        Assert.True(priority.IsDenied);
        Assert.Equal(1, nice.Sets);
        Assert.Null(nice.AutogroupNice);
        Assert.All(nice.Threads.Values, value => Assert.Equal(0, value));
    }

    [Fact]
    public void A_container_start_raises_the_forking_thread_and_the_new_session()
    {
        // Given
        var nice = new FakeNiceValues(0);
        var priority = new CpuPriority(nice);

        // When
        priority.RaiseCallingThread();
        priority.RaiseSession(4242);

        // Then
        Assert.Equal(CpuPriority.TargetNice, nice.Threads[1]);
        Assert.Equal(CpuPriority.TargetNice, nice.AutogroupNice);
        Assert.False(priority.IsDenied);
    }

    [Fact]
    public void A_calling_thread_already_above_the_target_is_not_lowered()
    {
        // Given
        var nice = new FakeNiceValues(-15);

        // When
        new CpuPriority(nice).RaiseCallingThread();

        // Then
        Assert.Equal(-15, nice.Threads[1]);
        Assert.Equal(0, nice.Sets);
    }

    [Fact]
    public void On_this_host_every_thread_ends_at_the_target_or_better()
    {
        Assert.SkipUnless(Privileges.MayRaisePriority, Privileges.NeedsSysNice);

        // Given
        var threads = LinuxNiceValues.Instance;

        // When
        CpuPriority.Shared.RaiseProcess();

        // Then
        Assert.False(CpuPriority.Shared.IsDenied);
        Assert.All(threads.ThreadIds(), thread => Assert.True(threads.GetThread(thread) is null or <= CpuPriority.TargetNice, $"thread {thread} at nice {threads.GetThread(thread)}"));
    }
}
