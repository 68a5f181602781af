namespace ProbeHarness.Steps.Drivers;

/// <summary>Which of a container's two readable logs an event line came from.</summary>
public enum AppLogInstance
{
    /// <summary>The current instance's log (the running one, or the one that just ended while the next waits).</summary>
    Current,

    /// <summary>The previous instance's log: the last terminated one (the API's <c>previous=true</c>).</summary>
    Previous,
}
