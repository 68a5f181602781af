using ProbeHarness.Gherkin.Runtime;
using Reqnroll;
using Xunit.v3;

namespace ProbeHarness.Gherkin.Tests.Runtime;

public sealed class XunitRuntimeProviderTests
{
    private readonly XunitRuntimeProvider _provider = new();

    [Fact]
    public void Pending_fails_with_reqnrolls_message()
    {
        // Given
        const string message = "No matching step definition found.\n[Given(\"a step\")]";

        // When
        var failure = Assert.Throws<ScenarioPendingException>(() => _provider.TestPending(message));

        // Then
        Assert.Equal("Pending: " + message, failure.Message);
    }

    [Fact]
    public void Inconclusive_fails_too()
    {
        // Given
        const string message = "a step is pending";

        // When
        var failure = Assert.Throws<ScenarioPendingException>(() => _provider.TestInconclusive(message));

        // Then
        Assert.Equal("Inconclusive: a step is pending", failure.Message);
    }

    [Fact]
    public void Ignore_throws_a_dynamic_xunit_skip_that_reqnroll_sees_as_skipped()
    {
        // Given
        const string reason = "not on this backend";

        // When
        // (caught by hand: xunit's Assert.Throws passes skip exceptions through, skipping this test)
        ScenarioSkippedException? skip = null;
        try
        {
            _provider.TestIgnore(reason);
        }
        catch (ScenarioSkippedException thrown)
        {
            skip = thrown;
        }

        // Then
        Assert.NotNull(skip);
        Assert.Equal(DynamicSkipToken.Value + reason, skip.Message);
        Assert.Equal(ScenarioExecutionStatus.Skipped, _provider.DetectExecutionStatus(skip));
        Assert.Null(_provider.DetectExecutionStatus(new InvalidOperationException("boom")));
    }
}
