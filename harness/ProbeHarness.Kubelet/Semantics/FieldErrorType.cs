namespace ProbeHarness.Kubelet.Semantics;

/// <summary>apimachinery <c>field.ErrorType</c>; <see cref="ProbeFieldError.ToString"/> prints each as Go does.</summary>
public enum FieldErrorType
{
    /// <summary>"Not found".</summary>
    NotFound,

    /// <summary>"Required value".</summary>
    Required,

    /// <summary>"Invalid value".</summary>
    Invalid,

    /// <summary>"Unsupported value".</summary>
    NotSupported,

    /// <summary>"Forbidden".</summary>
    Forbidden,
}
