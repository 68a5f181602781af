namespace OwnApp.Orders;

/// <summary>The body of a 400 answer.</summary>
/// <param name="Error">What was wrong with the request.</param>
public sealed record ErrorBody(string Error);
