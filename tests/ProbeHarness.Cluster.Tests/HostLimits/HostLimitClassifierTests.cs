using ProbeHarness.Cluster.HostLimits;

namespace ProbeHarness.Cluster.Tests.HostLimits;

public sealed class HostLimitClassifierTests
{
    [Theory]
    [InlineData("Unhandled exception. System.IO.IOException: The configured user limit (128) on the number of inotify instances has been reached, or the per-process limit on the number of open file descriptors has been reached.", HostLimit.InotifyInstances)]
    [InlineData("System.IO.IOException: The configured user limit (8192) on the number of inotify watches has been reached.", HostLimit.InotifyWatches)]
    [InlineData("accept: Too many open files", HostLimit.FileDescriptors)]
    [InlineData("sh: can't fork: Resource temporarily unavailable", HostLimit.Processes)]
    [InlineData("Failed to create CoreCLR, pthread_create failed", HostLimit.Processes)]
    [InlineData("Unhandled exception. System.OutOfMemoryException: Insufficient memory", HostLimit.Memory)]
    [InlineData("Failed to bind to address http://127.0.0.1:8080: address already in use.", HostLimit.PortInUse)]
    public void Each_limit_is_recognised_from_the_line_its_runtime_prints(string line, HostLimit expected)
    {
        // Given a log line

        // When
        var limit = HostLimitClassifier.Classify(line);

        // Then
        Assert.Equal(expected, limit);
    }

    [Theory]
    [InlineData("""{"kind":"probe","probe":"liveness","status":500}""")]
    [InlineData("crash requested through the fault API: exiting with 1")]
    [InlineData("Resource temporarily unavailable")]
    public void A_probe_failure_or_a_requested_crash_is_no_host_limit(string line)
    {
        // Given an ordinary line of a failing app

        // When
        var limit = HostLimitClassifier.Classify(line);

        // Then
        Assert.Null(limit);
    }

    [Fact]
    public void A_diagnosis_names_the_container_the_limit_the_fix_and_the_last_log_line()
    {
        // Given a pod whose previous instance died of the inotify limit
        var logs = new Dictionary<string, string>
        {
            ["target-app-1/target-app"] = "{\"kind\":\"start\"}\n",
            ["target-app-1/target-app (previous)"] =
                "{\"kind\":\"start\"}\nUnhandled exception. System.IO.IOException: The configured user limit (128) on the number of inotify instances has been reached.\n   at System.IO.FileSystemWatcher.StartRaisingEvents()\n",
        };

        // When
        var diagnosis = HostLimitClassifier.Diagnose(logs);

        // Then
        Assert.NotNull(diagnosis);
        Assert.Equal(HostLimit.InotifyInstances, diagnosis.Limit);
        Assert.Equal("target-app-1/target-app (previous)", diagnosis.Container);
        Assert.Equal("at System.IO.FileSystemWatcher.StartRaisingEvents()", diagnosis.LastLogLine);
        var text = diagnosis.Describe();
        Assert.StartsWith("host limit, not a probe verdict: inotify instances ran out in container target-app-1/target-app (previous)", text, StringComparison.Ordinal);
        Assert.Contains("fs.inotify.max_user_instances", text, StringComparison.Ordinal);
        Assert.Contains("its last log line: at System.IO.FileSystemWatcher.StartRaisingEvents()", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Logs_without_a_limit_give_no_diagnosis()
    {
        // Given
        var logs = new Dictionary<string, string> { ["p/c"] = "{\"kind\":\"probe\",\"status\":500}\n" };

        // When
        var diagnosis = HostLimitClassifier.Diagnose(logs);

        // Then
        Assert.Null(diagnosis);
    }
}
