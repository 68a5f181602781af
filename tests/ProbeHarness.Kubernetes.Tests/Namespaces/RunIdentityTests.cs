using ProbeHarness.Kubernetes.Namespaces;

namespace ProbeHarness.Kubernetes.Tests.Namespaces;

public sealed class RunIdentityTests
{
    [Fact]
    public void New_identities_are_short_unique_and_label_safe()
    {
        // Given two new identities
        // When they are created
        var first = RunIdentity.New();
        var second = RunIdentity.New();

        // Then each run id is 8 lowercase letters or digits, and they differ
        Assert.Matches("^[a-z0-9]{8}$", first.RunId);
        Assert.NotEqual(first.RunId, second.RunId);
        Assert.Matches("^[a-z0-9]([-a-z0-9_.]*[a-z0-9])?$", first.Host);
    }

    [Theory]
    [InlineData("CI-Runner_01.local", "ci-runner_01.local")]
    [InlineData("my box (2)", "my-box--2")]
    [InlineData("___", "unknown")]
    public void Label_values_follow_the_label_rules(string text, string expected)
    {
        // Given a machine name
        // When it becomes a label value
        // Then it has only allowed characters and starts and ends alphanumeric
        Assert.Equal(expected, RunIdentity.LabelValue(text));
    }

    [Fact]
    public void Long_label_values_are_cut_to_63()
    {
        // Given a 100-character name
        // When it becomes a label value
        var value = RunIdentity.LabelValue(new string('x', 100));

        // Then it is 63 characters
        Assert.Equal(63, value.Length);
    }
}
