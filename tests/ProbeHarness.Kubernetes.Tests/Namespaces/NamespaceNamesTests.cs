using ProbeHarness.Kubernetes.Namespaces;

namespace ProbeHarness.Kubernetes.Tests.Namespaces;

public sealed class NamespaceNamesTests
{
    [Theory]
    [InlineData("Liveness restarts after 3 failures", "ph-ab12cd34-7-liveness-restarts-after-3-failures")]
    [InlineData("  ÜBER readiness!! ", "ph-ab12cd34-7-ber-readiness")]
    [InlineData("---", "ph-ab12cd34-7")]
    public void Names_are_valid_dns_labels(string slug, string expected)
    {
        // Given a scenario title
        // When its namespace is named
        var name = NamespaceNames.For("ab12cd34", 7, slug);

        // Then it is the run, the number and the slug in DNS label form
        Assert.Equal(expected, name);
        Assert.Matches("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", name);
    }

    [Fact]
    public void Long_titles_are_cut_to_63_characters_without_a_trailing_dash()
    {
        // Given a very long title whose cut would end on a separator
        var slug = new string('a', 47) + " " + new string('b', 40);

        // When it is named
        var name = NamespaceNames.For("ab12cd34", 12, slug);

        // Then it fits a DNS label and does not end with '-'
        Assert.True(name.Length <= 63);
        Assert.Equal("ph-ab12cd34-12-" + new string('a', 47), name);
    }
}
