namespace ProbeHarness.Kubernetes.EndpointSlices;

/// <summary>Which <c>discovery.k8s.io</c> version the API server serves EndpointSlices in.</summary>
public enum EndpointSliceVersion
{
    /// <summary><c>discovery.k8s.io/v1</c> (Kubernetes 1.21 and later).</summary>
    V1,

    /// <summary><c>discovery.k8s.io/v1beta1</c> only (Kubernetes 1.17–1.20).</summary>
    V1beta1,
}
