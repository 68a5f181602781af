namespace ProbeHarness.Gherkin.Execution;

/// <summary>
/// Where the adapter tells the suite about tests it fails itself (a file that does not parse, a table it cannot read,
/// a duplicate name): Reqnroll never starts those, so a step library that writes records listens here.
/// </summary>
public static class AuthoringErrorReports
{
    private static readonly Lock Gate = new();
    private static Action<AuthoringErrorReport>? _listeners;

    /// <summary>Adds <paramref name="listener"/>; it is called once per refused test, on the test's thread.</summary>
    public static void Listen(Action<AuthoringErrorReport> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        lock (Gate)
        {
            _listeners += listener;
        }
    }

    /// <summary>Removes a listener added by <see cref="Listen"/>.</summary>
    public static void Stop(Action<AuthoringErrorReport> listener)
    {
        lock (Gate)
        {
            _listeners -= listener;
        }
    }

    /// <summary>Tells every listener; a listener's own failure is added to the test's failure, never hides it.</summary>
    internal static Exception? Report(AuthoringErrorReport report)
    {
        Action<AuthoringErrorReport>? listeners;
        lock (Gate)
        {
            listeners = _listeners;
        }

        try
        {
            listeners?.Invoke(report);
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }
}
