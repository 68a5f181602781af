using ProbeHarness.Preflight.Advisor;
using ProbeHarness.Preflight.Tests.Samples;

namespace ProbeHarness.Preflight.Tests.Advisor;

/// <summary>Bad input names the file; a report.json is read like a records folder.</summary>
public sealed class AdvisorInputTests
{
    [Fact]
    public void A_missing_results_folder_is_named()
    {
        var failure = Assert.Throws<AdvisorInputException>(() => AdvisorInput.ReadRecords("/no/such/results"));
        Assert.Equal("/no/such/results: no such results folder or report.json", failure.Message);
    }

    [Fact]
    public void A_folder_without_records_is_named()
    {
        using var temp = new TempFolder();
        var failure = Assert.Throws<AdvisorInputException>(() => AdvisorInput.ReadRecords(temp.Path));
        Assert.Contains($"{temp.Path}: the folder holds no scenario record", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_record_is_named_with_its_line()
    {
        // Given
        using var temp = new TempFolder();
        var file = temp.Write("001-bad.json", "{\n  \"featureFile\": \"f\",\n  \"durationSeconds\": \"long\"\n}\n");

        // When
        var failure = Assert.Throws<AdvisorInputException>(() => AdvisorInput.ReadRecords(temp.Path));

        // Then
        Assert.StartsWith($"{file}:3: $.durationSeconds:", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_json_gives_its_scenarios()
    {
        // Given a report.json-shaped file whose scenarios carry the record fields
        using var temp = new TempFolder();
        var record = File.ReadAllText(Path.Combine(AdvisorData.Run, "001-soak.json"));
        var report = temp.Write("report.json", $"{{ \"schemaVersion\": 1, \"header\": {{}}, \"scenarios\": [ {record} ] }}");

        // When
        var records = AdvisorInput.ReadRecords(report);

        // Then
        var (file, read) = Assert.Single(records);
        Assert.Equal(report, file);
        Assert.Equal(100, RecordedSamples.From(records).LatenciesOf(Kubelet.Probing.ProbeType.Liveness).Count);
        Assert.Equal("A busy app is not restarted", read.Scenario);
    }

    [Fact]
    public void A_json_file_without_scenarios_is_not_a_report()
    {
        using var temp = new TempFolder();
        var file = temp.Write("report.json", "{ \"header\": {} }");
        var failure = Assert.Throws<AdvisorInputException>(() => AdvisorInput.ReadRecords(file));
        Assert.StartsWith($"{file}:1: scenarios:", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_target_app_manifest_gives_its_three_probes()
    {
        var container = AdvisorInput.ReadManifest(AdvisorData.TargetAppManifest);
        Assert.Equal(("Deployment/target-app", "target-app"), (container.Workload, container.Container));
        Assert.NotNull(container.Liveness);
        Assert.NotNull(container.Readiness);
        Assert.NotNull(container.Startup);
    }

    [Theory]
    [InlineData("kind: [unclosed", "invalid YAML")]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: app:1\n", "no workload container has a liveness, readiness or startup probe")]
    public void A_bad_manifest_is_named(string yaml, string expected)
    {
        using var temp = new TempFolder();
        var file = temp.Write("m.yaml", yaml);
        var failure = Assert.Throws<AdvisorInputException>(() => AdvisorInput.ReadManifest(file));
        Assert.StartsWith(file, failure.Message, StringComparison.Ordinal);
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_manifest_or_container_is_named()
    {
        Assert.Equal("/no/m.yaml: no such manifest file", Assert.Throws<AdvisorInputException>(() => AdvisorInput.ReadManifest("/no/m.yaml")).Message);
        var failure = Assert.Throws<AdvisorInputException>(() => AdvisorInput.ReadManifest(AdvisorData.TargetAppManifest, "sidecar"));
        Assert.EndsWith("no workload has a container named 'sidecar'", failure.Message, StringComparison.Ordinal);
    }
}
