using System.Net;
using ProbeHarness.TargetApp.Configuration;

namespace ProbeHarness.TargetApp.Tests.Configuration;

public sealed class TargetAppSettingsTests
{
    [Fact]
    public void Defaults_match_the_documented_ports_and_files()
    {
        // Given
        var environment = new Dictionary<string, string>();

        // When
        var settings = TargetAppSettings.FromEnvironment(name => environment.GetValueOrDefault(name));

        // Then
        Assert.Equal(IPAddress.Any, settings.BindAddress);
        Assert.Equal((8080, 8081, 9090), (settings.HttpPort, settings.TcpPort, settings.GrpcPort));
        Assert.Equal("/tmp/healthy", settings.HealthFile);
        Assert.Equal("/tmp/memory-mb", settings.MemoryFile);
        Assert.False(settings.FaultsEnabled);
        Assert.Equal(TimeSpan.Zero, settings.ListenDelay);
    }

    [Fact]
    public void The_default_files_live_in_TMPDIR_when_it_is_set()
    {
        // Given
        var environment = new Dictionary<string, string> { ["TMPDIR"] = "/var/pods/p1/tmp" };

        // When
        var settings = TargetAppSettings.FromEnvironment(name => environment.GetValueOrDefault(name));

        // Then
        Assert.Equal("/var/pods/p1/tmp/healthy", settings.HealthFile);
        Assert.Equal("/var/pods/p1/tmp/memory-mb", settings.MemoryFile);
    }

    [Fact]
    public void Values_are_read_with_fractional_seconds_and_flags()
    {
        // Given
        var environment = new Dictionary<string, string>
        {
            ["BIND_ADDRESS"] = "127.0.3.7",
            ["STARTUP_DELAY_SECONDS"] = "1.5",
            ["FAULTS_ENABLED"] = "TRUE",
            ["POD_NAME"] = "target-app-abc",
        };

        // When
        var settings = TargetAppSettings.FromEnvironment(name => environment.GetValueOrDefault(name));

        // Then
        Assert.Equal(IPAddress.Parse("127.0.3.7"), settings.BindAddress);
        Assert.Equal(TimeSpan.FromSeconds(1.5), settings.StartupDelay);
        Assert.True(settings.FaultsEnabled);
        Assert.Equal("target-app-abc", settings.PodName);
    }

    [Theory]
    [InlineData("TCP_PORT", "70000")]
    [InlineData("READY_DELAY_SECONDS", "-1")]
    [InlineData("READINESS_FAILS_ON_SHUTDOWN", "yes please")]
    [InlineData("LEAK_MAX_MEGABYTES_PER_CALL", "0")]
    [InlineData("LEAK_MAX_MEGABYTES_TOTAL", "100000")]
    public void A_bad_value_names_the_variable(string variable, string value)
    {
        // Given
        var environment = new Dictionary<string, string> { [variable] = value };

        // When
        var error = Assert.Throws<SettingsException>(() => TargetAppSettings.FromEnvironment(name => environment.GetValueOrDefault(name)));

        // Then
        Assert.Equal(variable, error.Variable);
        Assert.StartsWith($"{variable}: '{value}'", error.Message);
    }

    [Fact]
    public void The_leak_limits_default_to_512_a_call_and_1024_a_process_and_are_read_from_the_environment()
    {
        // Given
        var environment = new Dictionary<string, string> { ["LEAK_MAX_MEGABYTES_PER_CALL"] = "64", ["LEAK_MAX_MEGABYTES_TOTAL"] = "128" };

        // When
        var defaults = TargetAppSettings.FromEnvironment(_ => null);
        var set = TargetAppSettings.FromEnvironment(name => environment.GetValueOrDefault(name));

        // Then
        Assert.Equal(new ProbeHarness.TargetApp.Memory.LeakLimits(512, 1024), defaults.LeakLimits);
        Assert.Equal(new ProbeHarness.TargetApp.Memory.LeakLimits(64, 128), set.LeakLimits);
    }
}
