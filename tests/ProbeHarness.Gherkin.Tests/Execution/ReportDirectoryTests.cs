using ProbeHarness.Gherkin.Execution;

namespace ProbeHarness.Gherkin.Tests.Execution;

public sealed class ReportDirectoryTests
{
    [Fact]
    public void The_environment_variable_wins()
    {
        // Given
        var environment = new Dictionary<string, string?> { [ReportDirectory.EnvironmentVariable] = "/tmp/reports" };

        // When
        var directory = ReportDirectory.Resolve(typeof(ReportDirectoryTests).Assembly, name => environment.GetValueOrDefault(name));

        // Then
        Assert.Equal("/tmp/reports", directory);
    }

    [Fact]
    public void Without_it_the_directory_baked_in_at_build_time_is_used()
    {
        // Given
        var environment = new Dictionary<string, string?>();

        // When
        var directory = ReportDirectory.Resolve(typeof(ReportDirectoryTests).Assembly, name => environment.GetValueOrDefault(name));

        // Then
        Assert.NotNull(directory);
        Assert.EndsWith("/artifacts/report/ProbeHarness.Gherkin.Tests", directory, StringComparison.Ordinal);
    }

    [Fact]
    public void An_assembly_without_the_default_has_no_report_directory()
    {
        // Given
        var environment = new Dictionary<string, string?> { [ReportDirectory.EnvironmentVariable] = " " };

        // When
        var directory = ReportDirectory.Resolve(typeof(object).Assembly, name => environment.GetValueOrDefault(name));

        // Then
        Assert.Null(directory);
    }
}
