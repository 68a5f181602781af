namespace ProbeHarness.Reporting.Scrubbing;

/// <summary>What kind of text a copied report file holds, which decides what of it the scrubber may touch.</summary>
public enum ArtifactFormat
{
    /// <summary>Data throughout (NDJSON, JSON, TRX and other XML, logs, YAML, kubeconfig-like text): all of it is scrubbed.</summary>
    Data,

    /// <summary>HTML: text and embedded data are scrubbed; code and styles (<c>&lt;script&gt;</c>, <c>&lt;style&gt;</c>) never.</summary>
    Html,
}
