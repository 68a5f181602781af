namespace ProbeHarness.Kubelet.Semantics;

/// <summary>Who objects to a probe field: the API server rejects the object; the kubelet accepts it but the probe cannot work.</summary>
public enum FieldErrorOrigin
{
    /// <summary>The API server rejects the object (<c>pkg/apis/core/validation</c>).</summary>
    ApiServer,

    /// <summary>Accepted by the API server, but every probe attempt errors in the kubelet and its result is discarded (§1.1 step 10).</summary>
    Kubelet,
}
