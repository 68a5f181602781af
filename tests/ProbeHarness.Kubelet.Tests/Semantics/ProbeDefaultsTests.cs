using k8s.Models;
using ProbeHarness.Kubelet.Semantics;

namespace ProbeHarness.Kubelet.Tests.Semantics;

/// <summary>§1.0 defaults.</summary>
public sealed class ProbeDefaultsTests
{
    [Fact]
    public void Missing_and_zero_fields_take_the_defaults_and_the_input_is_not_changed()
    {
        // Given a probe with nothing set but an HTTP GET, and one with zeros
        var bare = new V1Probe { HttpGet = new V1HTTPGetAction { Port = 8080 } };
        var zeros = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = 80 }, PeriodSeconds = 0, TimeoutSeconds = 0, FailureThreshold = 0, SuccessThreshold = 0 };

        // When defaults are applied
        var a = ProbeDefaults.Apply(bare);
        var b = ProbeDefaults.Apply(zeros);

        // Then timeout 1, period 10, success 1, failure 3, delay 0, path "/", scheme HTTP; the inputs keep their values
        foreach (var probe in new[] { a, b })
        {
            Assert.Equal((1, 10, 1, 3, 0), (probe.TimeoutSeconds, probe.PeriodSeconds, probe.SuccessThreshold, probe.FailureThreshold, probe.InitialDelaySeconds));
        }

        Assert.Equal(("/", "HTTP"), (a.HttpGet.Path, a.HttpGet.Scheme));
        Assert.Null(bare.PeriodSeconds);
        Assert.Equal(0, zeros.PeriodSeconds);
    }

    [Fact]
    public void Negative_values_are_kept_for_validation_to_reject()
    {
        // Given a negative period
        var probe = new V1Probe { Exec = new V1ExecAction { Command = ["true"] }, PeriodSeconds = -1 };

        // When defaults are applied
        var applied = ProbeDefaults.Apply(probe);

        // Then it stays negative
        Assert.Equal(-1, applied.PeriodSeconds);
    }

    [Fact]
    public void The_pod_grace_period_defaults_to_30_seconds()
    {
        // Given / When / Then
        Assert.Equal(30, ProbeDefaults.PodGracePeriodSeconds(new V1PodSpec()));
        Assert.Equal(5, ProbeDefaults.PodGracePeriodSeconds(new V1PodSpec { TerminationGracePeriodSeconds = 5 }));
    }
}
