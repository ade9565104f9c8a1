// Entities whose name or a synonym equals $name (case-insensitive); optional $label narrows the kind.
// Example: :param name => 'Gleevec'
MATCH (e:Entity)
WHERE (e.nameLower = toLower($name) OR any(s IN coalesce(e.synonyms, []) WHERE toLower(s) = toLower($name)))
  AND ($label IS NULL OR $label IN labels(e))
RETURN e.id AS id, e.name AS name, [l IN labels(e) WHERE l <> 'Entity'] AS labels
ORDER BY size(e.name);
