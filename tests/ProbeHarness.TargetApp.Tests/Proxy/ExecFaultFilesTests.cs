using ProbeHarness.TargetApp.Configuration;
using ProbeHarness.TargetApp.Faults;
using ProbeHarness.TargetApp.Proxy;

namespace ProbeHarness.TargetApp.Tests.Proxy;

public sealed class ExecFaultFilesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 19, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_shim_reads_fail_hang_and_slow_while_the_fault_is_active_and_nothing_otherwise()
    {
        // Given / When / Then
        Assert.Equal("fail", ExecFaultFiles.ContentFor(new ProbeFault(FaultMode.Fail), Now));
        Assert.Equal("hang", ExecFaultFiles.ContentFor(new ProbeFault(FaultMode.Hang), Now));
        Assert.Equal("slow 1.6", ExecFaultFiles.ContentFor(new ProbeFault(FaultMode.Slow, DelayMs: 1600), Now));
        Assert.Null(ExecFaultFiles.ContentFor(ProbeFault.Healthy, Now));
        Assert.Null(ExecFaultFiles.ContentFor(new ProbeFault(FaultMode.Fail, ActiveFrom: Now.AddSeconds(5)), Now));
        Assert.Null(ExecFaultFiles.ContentFor(new ProbeFault(FaultMode.Flap, Every: 2), Now));
    }

    [Fact]
    public void An_exec_fault_directory_alone_switches_proxy_mode_on_with_no_routes()
    {
        // Given
        var environment = new Dictionary<string, string> { ["PROXY_EXEC_FAULT_DIR"] = "/var/run/probe-fault-proxy", ["PROXY_SIGNAL_PORTS"] = "8080" };

        // When
        var proxy = TargetAppSettings.FromEnvironment(name => environment.GetValueOrDefault(name)).Proxy;
        var relative = Assert.Throws<SettingsException>(() => TargetAppSettings.FromEnvironment(name => name == "PROXY_EXEC_FAULT_DIR" ? "faults" : null));

        // Then
        Assert.NotNull(proxy);
        Assert.Empty(proxy.Routes);
        Assert.Equal("/var/run/probe-fault-proxy", proxy.ExecFaultDirectory);
        Assert.Contains("PROXY_EXEC_FAULT_DIR", relative.Message);
    }
}
