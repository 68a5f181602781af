using ProbeHarness.Emulated.Containers;

namespace ProbeHarness.Emulated.Tests.Containers;

public sealed class DollarExpansionTests
{
    private static readonly Dictionary<string, string> Variables = new() { ["NAME"] = "app", ["PORT"] = "8080", ["EMPTY"] = "" };

    [Theory]
    [InlineData("$(NAME)", "app")]
    [InlineData("http://x:$(PORT)/$(NAME)", "http://x:8080/app")]
    [InlineData("$(MISSING)", "$(MISSING)")]
    [InlineData("$$(NAME)", "$(NAME)")]
    [InlineData("$$", "$")]
    [InlineData("$(NAME", "$(NAME")]
    [InlineData("cost $5", "cost $5")]
    [InlineData("trailing $", "trailing $")]
    [InlineData("[$(EMPTY)]", "[]")]
    [InlineData("$HOME", "$HOME")]
    public void Expands_like_the_kubelet(string input, string expected)
    {
        // Given / When
        var expanded = DollarExpansion.Expand(input, name => Variables.GetValueOrDefault(name));

        // Then
        Assert.Equal(expected, expanded);
    }
}
