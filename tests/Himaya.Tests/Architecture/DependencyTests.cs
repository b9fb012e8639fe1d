using System.Reflection;
using System.Reflection.Emit;

namespace Himaya.Tests.Architecture;

/// <summary>
/// Dependencies run one way (docs/architecture.md): the platform names no feature, and a feature uses only the platform
/// and the features listed below it here. Read from the compiled assembly, not the source: every type a type mentions
/// in its signatures, attributes and method bodies (IL), pages and their views included, so neither a fully qualified
/// name nor a `var` can hide an edge. A new edge fails here until this table and the architecture say it is allowed.
/// </summary>
public sealed class DependencyTests
{
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Platform"] = [],
        ["Identity"] = ["Platform"],
        ["Audit"] = ["Platform"],
        ["Registry"] = ["Platform", "Identity"],
        ["Monitoring"] = ["Platform", "Identity", "Registry"],
        ["Facts"] = ["Platform", "Identity", "Registry"],
        ["Linkage"] = ["Platform", "Identity", "Registry", "Facts"],
        ["Deprivation"] = ["Platform", "Identity", "Registry", "Monitoring"],
        ["Services"] = ["Platform", "Identity", "Registry"],
        ["Cases"] = ["Platform", "Identity", "Registry", "Services", "Deprivation"],
        ["Coverage"] = ["Platform", "Identity", "Registry", "Services", "Deprivation", "Cases", "Monitoring"],
        ["Violence"] = ["Platform", "Identity", "Registry", "Cases", "Monitoring"],
        ["Institutions"] = ["Platform", "Identity", "Registry", "Cases", "Monitoring"],
        ["Community"] = ["Platform", "Identity", "Registry", "Services", "Cases", "Monitoring"],
        ["Demo"] = ["Platform", "Identity", "Registry", "Services", "Facts", "Linkage", "Deprivation", "Cases", "Violence", "Monitoring", "Institutions", "Community"],
        // The top: Program, the module list and the command-line verbs (front ends over the same modules as the web host).
        ["Composition"] = ["Platform", "Identity", "Audit", "Registry", "Services", "Facts", "Linkage", "Deprivation", "Cases", "Coverage", "Violence", "Monitoring", "Institutions", "Community", "Demo"],
    };

    private static readonly Assembly App = typeof(Himaya.HimayaModules).Assembly;

    [Fact]
    public void Every_type_of_the_app_belongs_to_a_declared_module()
    {
        var unknown = App.GetTypes().Select(t => (t, Module: ModuleOf(t))).Where(x => x.Module is not null && !Allowed.ContainsKey(x.Module))
            .Select(x => $"{x.t.FullName} → {x.Module}").Distinct().ToList();
        unknown.ShouldBeEmpty("A new feature folder: add it to the table above, in its place, and to docs/architecture.md.");
    }

    [Fact]
    public void Dependencies_run_one_way_from_the_features_to_the_platform()
    {
        var edges = Edges();
        var violations = edges.Where(e => !Allowed[e.Key.From].Contains(e.Key.To))
            .Select(e => $"{e.Key.From} → {e.Key.To}: {string.Join("; ", e.Value.Take(3))}").ToList();
        violations.ShouldBeEmpty();
        // The test must see the edges that exist, or it would pass by seeing nothing.
        edges.Keys.ShouldContain(("Cases", "Registry"));
        edges.Keys.ShouldContain(("Registry", "Platform"));
        edges.Keys.ShouldContain(("Composition", "Cases"));
    }

    /// <summary>The composition list registers the modules lowest first: none may come before a module it uses.</summary>
    [Fact]
    public void The_module_list_puts_every_module_after_the_ones_it_uses()
    {
        var order = Himaya.HimayaModules.All.Select(m => ModuleOf(m.GetType())!).ToList();
        order.ShouldContain("Monitoring");
        var late = order.SelectMany((m, i) => Allowed[m].Where(used => order.IndexOf(used) > i).Select(used => $"{m} uses {used}, listed after it")).ToList();
        late.ShouldBeEmpty();
    }

    [Fact]
    public void The_allowed_edges_have_no_cycle()
    {
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        void Visit(string m, List<string> path)
        {
            if (done.Contains(m)) return;
            visiting.Contains(m).ShouldBeFalse("cycle: " + string.Join(" → ", path.Append(m)));
            visiting.Add(m);
            foreach (var next in Allowed[m]) Visit(next, [.. path, m]);
            visiting.Remove(m);
            done.Add(m);
        }
        foreach (var m in Allowed.Keys) Visit(m, []);
    }

    /// <summary>The pure libraries: no ASP.NET, no EF, no database, and never the host.</summary>
    [Theory]
    [InlineData(typeof(Himaya.Linkage.NameFolding))]
    [InlineData(typeof(Himaya.Deprivation.Engine))]
    [InlineData(typeof(Himaya.Generators.SyntheticPopulation))]
    public void The_pure_libraries_reference_only_the_runtime_and_each_other(Type member)
    {
        var pure = new HashSet<string>(["Himaya.Linkage", "Himaya.Deprivation", "Himaya.Generators"], StringComparer.Ordinal);
        member.Assembly.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(name => !(name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "mscorlib" || pure.Contains(name)))
            .ShouldBeEmpty();
    }

    /// <summary>
    /// Generated people are for demos, tests and benchmarks: of the app, only the demo module touches the generators
    /// (the product's features never do; the command-line verbs reach them through the demo).
    /// </summary>
    [Fact]
    public void Only_the_demo_module_uses_the_generators()
    {
        var generators = typeof(Himaya.Generators.SyntheticPopulation).Assembly;
        var users = App.GetTypes().Where(t => ModuleOf(t) is { } m && m != "Demo" && Referenced(t).Any(u => u.Assembly == generators))
            .Select(t => t.FullName).ToList();
        users.ShouldBeEmpty();
        App.GetTypes().Where(t => ModuleOf(t) == "Demo").ShouldContain(t => Referenced(t).Any(u => u.Assembly == generators));
    }

    /// <summary>Which module a type of the app belongs to, by namespace (Razor views by their path); null for generated helpers.</summary>
    private static string? ModuleOf(Type t)
    {
        var ns = t.Namespace ?? "";
        if (ns == "AspNetCoreGeneratedDocument")
        {
            // Views are named after their path: Features_Registry_Pages_ChildProfile, Features_Shared__Layout, Features__ViewImports.
            var outer = t;
            while (outer.DeclaringType is { } d) outer = d;
            var parts = outer.Name.Split('_', StringSplitOptions.RemoveEmptyEntries);
            return parts.Length < 2 || parts[0] != "Features" || parts[1] is "Shared" or "ViewImports" or "ViewStart" ? "Platform" : parts[1];
        }
        if (ns.StartsWith("Himaya.Platform", StringComparison.Ordinal)) return "Platform";
        if (ns.StartsWith("Himaya.Features.", StringComparison.Ordinal)) return ns.Split('.')[2];
        if (ns == "Himaya" || ns.StartsWith("Himaya.Cli", StringComparison.Ordinal) || (ns == "" && t.Assembly == App && (t.Name == "Program" || t.DeclaringType?.Name == "Program"))) return "Composition";
        return null;
    }

    private static Dictionary<(string From, string To), List<string>> Edges()
    {
        var edges = new Dictionary<(string, string), List<string>>();
        foreach (var type in App.GetTypes())
        {
            if (ModuleOf(type) is not { } from) continue;
            foreach (var used in Referenced(type))
            {
                if (used.Assembly != App || ModuleOf(used) is not { } to || to == from) continue;
                if (!edges.TryGetValue((from, to), out var list)) edges[(from, to)] = list = [];
                if (list.Count < 5) list.Add($"{type.FullName} uses {used.FullName}");
            }
        }
        return edges;
    }

    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static HashSet<Type> Referenced(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null || !found.Add(t)) return;
            if (t.HasElementType) Add(t.GetElementType());
            if (t.IsGenericType && !t.IsGenericTypeDefinition)
            {
                Add(t.GetGenericTypeDefinition());
                foreach (var a in t.GetGenericArguments()) Add(a);
            }
        }
        void AddAttributes(IEnumerable<CustomAttributeData> attributes)
        {
            foreach (var a in attributes)
            {
                Add(a.AttributeType);
                foreach (var arg in a.ConstructorArguments.Concat(a.NamedArguments.Select(n => n.TypedValue)))
                    if (arg.Value is Type ty) Add(ty);
            }
        }
        Add(type.BaseType);
        foreach (var i in type.GetInterfaces()) Add(i);
        AddAttributes(type.CustomAttributes);
        foreach (var f in type.GetFields(All)) { Add(f.FieldType); AddAttributes(f.CustomAttributes); }
        foreach (var p in type.GetProperties(All)) { Add(p.PropertyType); AddAttributes(p.CustomAttributes); }
        foreach (var m in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (m is MethodInfo mi) Add(mi.ReturnType);
            foreach (var p in m.GetParameters()) Add(p.ParameterType);
            AddAttributes(m.CustomAttributes);
            foreach (var used in BodyReferences(m)) Add(used);
        }
        return found;
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>The types a method body touches: every type, field and method token in its IL.</summary>
    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        byte[]? il;
        try { il = method.GetMethodBody()?.GetILAsByteArray(); }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or BadImageFormatException) { il = null; }
        if (il is null) yield break;
        var typeArgs = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            short value = il[i] == 0xFE && i + 1 < il.Length ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            if (!OpCodesByValue.TryGetValue(value, out var op)) yield break; // not IL we can read: stop rather than misread
            switch (op.OperandType)
            {
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar: i += 1; break;
                case OperandType.InlineVar: i += 2; break;
                case OperandType.InlineI8 or OperandType.InlineR: i += 8; break;
                case OperandType.InlineSwitch: i += 4 + 4 * BitConverter.ToInt32(il, i); break;
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok:
                    {
                        var token = BitConverter.ToInt32(il, i);
                        i += 4;
                        MemberInfo? member;
                        try { member = method.Module.ResolveMember(token, typeArgs, methodArgs); }
                        catch (ArgumentException) { member = null; }
                        switch (member)
                        {
                            case Type t: yield return t; break;
                            case FieldInfo f: yield return f.DeclaringType!; yield return f.FieldType; break;
                            case MethodBase m:
                                if (m.DeclaringType is { } d) yield return d;
                                if (m is MethodInfo mi) { yield return mi.ReturnType; if (mi.IsGenericMethod) foreach (var a in mi.GetGenericArguments()) yield return a; }
                                foreach (var p in m.GetParameters()) yield return p.ParameterType;
                                break;
                        }
                        break;
                    }
                default: i += 4; break; // InlineI, InlineBrTarget, InlineString, InlineSig, ShortInlineR
            }
        }
    }
}
