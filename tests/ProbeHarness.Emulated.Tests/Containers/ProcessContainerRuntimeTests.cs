using System.Diagnostics;
using ProbeHarness.Emulated.Containers;
using ProbeHarness.Emulated.Processes;
using ProbeHarness.Emulated.Tests.Support;

namespace ProbeHarness.Emulated.Tests.Containers;

public sealed class ProcessContainerRuntimeTests : IAsyncLifetime
{
    private readonly TestRuntime _runtime = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _runtime.DisposeAsync();

    [Fact]
    public async Task A_pid_1_without_sigterm_handler_is_killed_at_the_grace_deadline_with_137()
    {
        // Given: busybox sleep installs no handler, so as a container's PID 1 it ignores SIGTERM.
        var instance = await _runtime.StartAsync(TestRuntime.Pod(TestRuntime.Busybox("sleep", "60")));
        var grace = TimeSpan.FromSeconds(1);

        // When
        var watch = Stopwatch.StartNew();
        var exit = await instance.StopAsync(grace, TestContext.Current.CancellationToken);

        // Then
        Assert.Equal(137, exit.ExitCode);
        Assert.Equal("Error", exit.Reason);
        // (timers may fire a tick, up to ~15 ms, early against the stopwatch: 0.9990 s was seen under load)
        Assert.True(watch.Elapsed >= grace - TimeSpan.FromMilliseconds(15), $"stopped after {watch.Elapsed}, before the {grace} grace period");
        Assert.StartsWith("emulated://", instance.ContainerId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_process_that_dies_of_sigterm_exits_143_before_the_deadline()
    {
        // Given: a handler that restores the default action and re-raises, so SIGTERM itself ends the process.
        var instance = await _runtime.StartAsync(TestRuntime.Pod(TestRuntime.Busybox(
            "sh", "-c", "trap 'trap - TERM; kill -TERM $$' TERM; sleep 60 & wait")));
        await WaitUntilAsync(() => ProcessStat.CatchesSigterm(((ProcessContainerInstance)instance).ProcessGroupId));

        // When
        var exit = await instance.StopAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // Then
        Assert.Equal(143, exit.ExitCode);
    }

    [Theory]
    [InlineData("exit 0", 0, "Completed")]
    [InlineData("exit 3", 3, "Error")]
    public async Task Exit_codes_and_reasons_follow_the_runtime(string script, int code, string reason)
    {
        // Given / When
        var instance = await _runtime.StartAsync(TestRuntime.Pod(TestRuntime.Busybox("sh", "-c", script)));
        var exit = await instance.Exited.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        // Then
        Assert.Equal(code, exit.ExitCode);
        Assert.Equal(reason, exit.Reason);
    }

    [Fact]
    public async Task A_missing_command_is_a_start_error_with_128_and_a_log()
    {
        // Given
        var pod = TestRuntime.Pod(TestRuntime.Busybox("no-such-command-xyz"));

        // When
        var instance = await _runtime.StartAsync(pod);
        var exit = await instance.Exited;

        // Then
        Assert.Equal(128, exit.ExitCode);
        Assert.Equal("StartError", exit.Reason);
        Assert.Contains("exec: \"no-such-command-xyz\": executable file not found in $PATH", _runtime.Runtime.ReadLog(pod, "app", previous: false), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_hold_stdout_and_stderr_and_the_previous_instance_stays_readable()
    {
        // Given
        var pod = TestRuntime.Pod(TestRuntime.Busybox("sh", "-c", "echo out-$HOSTNAME; echo err >&2"));
        await (await _runtime.StartAsync(pod)).Exited;
        var noPrevious = Assert.Throws<InvalidOperationException>(() => _runtime.Runtime.ReadLog(pod, "app", previous: true));

        // When
        pod.Spec.Containers[0].Command = ["sh", "-c", "echo second"];
        await (await _runtime.StartAsync(pod, restartCount: 1)).Exited;

        // Then
        Assert.Contains("previous terminated container \"app\"", noPrevious.Message, StringComparison.Ordinal);
        Assert.Equal("second\n", _runtime.Runtime.ReadLog(pod, "app", previous: false));
        Assert.Equal("out-pod-1\nerr\n", _runtime.Runtime.ReadLog(pod, "app", previous: true));
    }

    [Fact]
    public async Task Tmp_is_private_and_fresh_per_instance_while_empty_dir_survives_a_restart()
    {
        // Given
        var marker = $"isolation-{Guid.NewGuid():N}";
        var pod = TestRuntime.Pod(TestRuntime.Busybox("sh", "-c", $"echo first > /tmp/{marker}; echo kept > /data/{marker}; sleep 60"));
        var first = await _runtime.StartAsync(pod);
        await WaitUntilAsync(async () => (await first.ExecAsync(["cat", $"/tmp/{marker}"], TimeSpan.FromSeconds(5), default)).ExitCode == 0);

        // When
        await first.StopAsync(TimeSpan.Zero, TestContext.Current.CancellationToken);
        pod.Spec.Containers[0].Command = ["sleep", "60"];
        var second = await _runtime.StartAsync(pod, restartCount: 1);
        var tmp = await second.ExecAsync(["cat", $"/tmp/{marker}"], TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        var data = await second.ExecAsync(["cat", $"/data/{marker}"], TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        // Then
        Assert.False(File.Exists($"/tmp/{marker}"), "the container wrote to the host's /tmp");
        Assert.NotEqual(0, tmp.ExitCode);
        Assert.Equal(0, data.ExitCode);
        Assert.Equal("kept\n", data.Output);
    }

    [Fact]
    public async Task Exec_runs_with_the_container_env_caps_output_and_kills_on_timeout()
    {
        // Given
        var instance = await _runtime.StartAsync(TestRuntime.Pod(TestRuntime.Busybox("sleep", "60")), podIp: "127.20.0.33");

        // When
        var env = await instance.ExecAsync(["sh", "-c", "echo $BIND_ADDRESS; exit 4"], TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        var big = await instance.ExecAsync(["sh", "-c", "yes | head -c 20000"], TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        var watch = Stopwatch.StartNew();
        var slow = await instance.ExecAsync(["sleep", "30"], TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        var missing = await instance.ExecAsync(["no-such-command-xyz"], TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        // Then
        Assert.Equal((4, "127.20.0.33\n", false), (env.ExitCode, env.Output, env.TimedOut));
        Assert.Equal(10 * 1024, big.Output.Length);
        Assert.True(slow.TimedOut);
        Assert.Null(slow.ExitCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"the timed-out exec took {watch.Elapsed}");
        Assert.Null(missing.ExitCode);
        Assert.Contains("executable file not found in $PATH", missing.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_kills_the_whole_process_group()
    {
        // Given
        var instance = (ProcessContainerInstance)await _runtime.StartAsync(TestRuntime.Pod(TestRuntime.Busybox("sh", "-c", "sleep 300 & sleep 300 & wait")));
        await WaitUntilAsync(() => ProcessStat.InSession(instance.ProcessGroupId).Count >= 3);

        // When
        await instance.StopAsync(TimeSpan.Zero, TestContext.Current.CancellationToken);

        // Then
        await WaitUntilAsync(() => ProcessStat.InSession(instance.ProcessGroupId).Count == 0);
        Assert.Equal(0, _runtime.Ledger.LiveCount);
    }

    private static async Task WaitUntilAsync(Func<bool> condition) => await WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "condition not met within 10 s");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
