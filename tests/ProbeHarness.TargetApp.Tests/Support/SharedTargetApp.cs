namespace ProbeHarness.TargetApp.Tests.Support;

/// <summary>One target app shared by the tests of a class (xunit class fixture) whose tests leave its state as they found it.</summary>
public sealed class SharedTargetApp : IAsyncLifetime
{
    private TargetAppProcess? _app;

    /// <summary>The running app.</summary>
    public TargetAppProcess App => _app ?? throw new InvalidOperationException("the shared target app has not started");

    /// <inheritdoc />
    public async ValueTask InitializeAsync() => _app = await TargetAppProcess.StartAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
