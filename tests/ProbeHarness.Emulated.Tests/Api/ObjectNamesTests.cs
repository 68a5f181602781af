using k8s.Models;
using ProbeHarness.Emulated.Api;

namespace ProbeHarness.Emulated.Tests.Api;

public sealed class ObjectNamesTests
{
    [Fact]
    public void Suffixes_use_the_apimachinery_alphabet()
    {
        // Given / When
        var suffixes = Enumerable.Range(0, 200).Select(_ => ObjectNames.RandomSuffix()).ToList();

        // Then
        Assert.All(suffixes, s => Assert.Matches("^[bcdfghjklmnpqrstvwxz2456789]{5}$", s));
        Assert.True(suffixes.Distinct().Count() > 190);
    }

    [Fact]
    public void Template_hash_is_ten_characters_and_stable_for_equal_templates()
    {
        // Given
        static V1PodTemplateSpec Template(string image) => new() { Spec = new V1PodSpec { Containers = [new V1Container { Name = "c", Image = image }] } };

        // When
        var first = ObjectNames.TemplateHash(Template("a:1"));
        var again = ObjectNames.TemplateHash(Template("a:1"));
        var other = ObjectNames.TemplateHash(Template("a:2"));

        // Then
        Assert.Matches("^[bcdfghjklmnpqrstvwxz2456789]{10}$", first);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Theory]
    [InlineData("Readiness: flapping endpoint!", 63, "readiness-flapping-endpoint")]
    [InlineData("--a--b--", 63, "a-b")]
    [InlineData("abcdef ghij", 8, "abcdef-g")]
    [InlineData("abcdefg hij", 8, "abcdefg")]
    public void Slugs_are_dns_labels(string text, int maxLength, string slug)
    {
        // Given / When
        var actual = ObjectNames.Slug(text, maxLength);

        // Then
        Assert.Equal(slug, actual);
    }
}
