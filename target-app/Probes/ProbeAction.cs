namespace ProbeHarness.TargetApp.Probes;

/// <summary>What a probe endpoint does with a request.</summary>
public enum ProbeAction
{
    /// <summary>Answer with a status code and a small JSON body.</summary>
    Answer,

    /// <summary>Never answer; wait until the client gives up.</summary>
    Hang,

    /// <summary>Answer with a redirect status and a <c>Location</c> header.</summary>
    Redirect,
}
