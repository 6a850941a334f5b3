"""Reads an Airflow DAG file without Airflow and prints its structure as JSON.

Used by AirflowDagTest to check the committed DAG independently of the Java generator:
{"tasks": {task_id: [job, ...]}, "edges": [[upstream_task_id, downstream_task_id]],
 "skip_codes": {task_id: expression}, "dag": {keyword: literal}}.
"""
import ast
import json
import sys

source = open(sys.argv[1], encoding="utf-8").read()
tree = ast.parse(source)
compile(source, sys.argv[1], "exec")  # rejects what ast alone would let through

tasks, variables, skip_codes, edges, dag = {}, {}, {}, [], {}


def keywords(call):
    return {k.arg: k.value for k in call.keywords}


for node in ast.walk(tree):
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "DAG":
        for name, value in keywords(node).items():
            try:
                dag[name] = ast.literal_eval(value)
            except ValueError:
                dag[name] = ast.unparse(value)
    if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
        call = node.value
        if isinstance(call.func, ast.Name) and call.func.id == "BashOperator":
            args = keywords(call)
            task_id = ast.literal_eval(args["task_id"])
            command = args["bash_command"]
            job = ast.literal_eval(command.args[0]) if isinstance(command, ast.Call) else None
            tasks[task_id] = job
            variables[node.targets[0].id] = task_id
            if "skip_on_exit_code" in args:
                skip_codes[task_id] = ast.unparse(args["skip_on_exit_code"])
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.BinOp):
        if isinstance(node.value.op, ast.RShift):
            edges.append([node.value.left.id, node.value.right.id])

print(json.dumps({
    "tasks": tasks,
    "edges": [[variables[a], variables[b]] for a, b in edges],
    "skip_codes": skip_codes,
    "dag": dag,
}, default=str))
