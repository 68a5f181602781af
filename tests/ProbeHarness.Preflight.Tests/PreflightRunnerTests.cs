using ProbeHarness.Cluster;
using ProbeHarness.Preflight.Findings;
using ProbeHarness.Preflight.Tests.Samples;

namespace ProbeHarness.Preflight.Tests;

public sealed class PreflightRunnerTests
{
    [Fact]
    public void The_repositorys_manifests_have_no_bad_input_and_only_the_detection_time_notes()
    {
        // Given manifests/target-app.yaml: the article's Deployment (liveness /healthz, readiness /readyz, startup /healthz) and a Service

        // When
        var result = PreflightRunner.Run(["manifests"], RepositoryPaths.Root);

        // Then
        Assert.Empty(result.InputErrors);
        Assert.Equal(["manifests/target-app.yaml"], result.Files);
        Assert.Equal(
            [("PH010", 48L, "livenessProbe"), ("PH010", 54L, "readinessProbe"), ("PH010", 60L, "startupProbe")],
            result.Findings.Select(f => (f.RuleId, f.Line, f.Field.Split('.')[^1])));
        Assert.Contains("killed at worst 300 s after it starts", result.Findings[2].Message, StringComparison.Ordinal);
        Assert.Equal(PreflightResult.Clean, result.ExitCode(Severity.Warning));
        Assert.Equal(PreflightResult.FindingsAtThreshold, result.ExitCode(Severity.Note));
    }

    [Fact]
    public void The_sample_manifests_of_these_tests_give_the_expected_findings_and_no_bad_input()
    {
        // Given helm template output (Service, Deployment, empty document, CronJob) and a file of a StatefulSet, a DaemonSet and a Pod

        // When
        var result = PreflightRunner.Run(["samples"], Manifests.TestData());

        // Then
        Assert.Empty(result.InputErrors);
        Assert.Equal(
            [
                "samples/helm-rendered.yaml:35 PH003 warning",
                "samples/helm-rendered.yaml:35 PH010 note",
                "samples/helm-rendered.yaml:39 PH006 warning",
                "samples/helm-rendered.yaml:40 PH005 warning",
                "samples/helm-rendered.yaml:42 PH010 note",
                "samples/helm-rendered.yaml:67 PH007 error",
                "samples/workloads.yml:20 PH010 note",
                "samples/workloads.yml:22 PH004 warning",
                "samples/workloads.yml:38 PH001 warning",
                "samples/workloads.yml:49 PH010 note",
            ],
            result.Findings.Select(f => $"{f.File}:{f.Line} {f.RuleId} {f.Severity.Name()}"));
        Assert.Equal(["Deployment/shop", "CronJob/shop-cleanup", "StatefulSet/db", "DaemonSet/agent", "Pod/debug"], result.Containers.Select(c => c.Workload));
    }

    [Theory]
    [InlineData("note", PreflightResult.FindingsAtThreshold)]
    [InlineData("warning", PreflightResult.FindingsAtThreshold)]
    [InlineData("error", PreflightResult.Clean)]
    public void The_exit_code_is_1_only_for_findings_at_or_above_the_threshold(string failOn, int exit)
    {
        // Given a Deployment with a warning (no readiness probe) and a note
        var result = PreflightRunner.RunText(Manifests.Deployment("livenessProbe:\n" + Manifests.Indent(Manifests.Http, 2)), "web.yaml");

        // When
        var code = result.ExitCode(SeverityNames.Parse(failOn)!.Value);

        // Then
        Assert.Equal(exit, code);
    }

    [Fact]
    public void Bad_input_exits_2_and_the_good_files_are_still_checked()
    {
        // Given
        var folder = Manifests.TestData();

        // When
        var result = PreflightRunner.Run(["samples/workloads.yml", "bad", "missing.yaml"], folder);

        // Then
        Assert.Equal(PreflightResult.BadInput, result.ExitCode(Severity.Error));
        Assert.Equal(6, result.InputErrors.Count);
        Assert.Equal("missing.yaml: no such file or folder", result.InputErrors[0].Message);
        Assert.All(result.InputErrors.Skip(1), e => Assert.StartsWith($"{e.File}: line {e.Line}", e.Message, StringComparison.Ordinal));
        Assert.Contains(result.Findings, f => f.RuleId == "PH001" && f.File == "samples/workloads.yml");
        Assert.Contains("5 bad input error(s)", PreflightRunner.Run(["bad"], folder).Summary(), StringComparison.Ordinal);
    }
}
