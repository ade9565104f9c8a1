// A Condition is also an AdverseEvent while any drug is reported to cause it. $ids: Condition ids.
UNWIND $ids AS id
MATCH (c:Condition {id: id})
OPTIONAL MATCH (c)<-[r:CAUSES]-(:Drug)
WITH c, count(r) AS causes
FOREACH (_ IN CASE WHEN causes > 0 THEN [1] ELSE [] END | SET c:AdverseEvent)
FOREACH (_ IN CASE WHEN causes = 0 THEN [1] ELSE [] END | REMOVE c:AdverseEvent);
