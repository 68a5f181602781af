using ProbeHarness.Reporting.Input;

namespace ProbeHarness.Reporting.Tests.Input;

public sealed class RecordFileNameTests
{
    [Fact]
    public void Scenarios_whose_titles_and_paths_slug_alike_get_different_files()
    {
        // Given ids that differ only in characters a slug drops, and two pickles of one feature
        string[] ids =
        [
            "features/a-b/c.feature#0",
            "features/a/b-c.feature#0",
            "features/a/b-c.feature#1",
            "features/a/b_c.feature#1",
        ];

        // When
        var names = ids.Select(RecordFileName.For).ToList();

        // Then
        Assert.Equal(ids.Length, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, name => Assert.EndsWith(".json", name, StringComparison.Ordinal));
    }

    [Fact]
    public void The_name_is_readable_and_stable()
    {
        // Given
        const string id = "features/liveness/http-liveness.feature#3";

        // When
        var name = RecordFileName.For(id);

        // Then
        Assert.StartsWith("features-liveness-http-liveness-feature-3--", name, StringComparison.Ordinal);
        Assert.Equal(name, RecordFileName.For(id));
        Assert.DoesNotContain('/', name);
    }
}
