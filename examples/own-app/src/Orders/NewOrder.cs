namespace OwnApp.Orders;

/// <summary>The body of <c>POST /orders</c>: <c>{"item":"tea","quantity":1}</c>.</summary>
/// <param name="Item">What is ordered; required.</param>
/// <param name="Quantity">How many; at least 1.</param>
public sealed record NewOrder(string? Item, int Quantity);
