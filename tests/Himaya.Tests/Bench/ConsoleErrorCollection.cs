namespace Himaya.Tests.Bench;

/// <summary>Tests that swap Console.Error to read a verb's refusal: one at a time, or one would read the other's text.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleErrorCollection
{
    public const string Name = "Console.Error";
}
