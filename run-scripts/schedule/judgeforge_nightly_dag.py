"""Judgeforge nightly refresh as an Airflow DAG (apache-airflow-providers-apache-spark).

SparkSubmitOperator submits the shaded jar for the cluster's Spark line (pipeline-jobs for 4.0,
pipeline-jobs-spark35 for 3.5) with the main class of the command line and the `refresh` command.
max_active_runs=1 keeps two nights from overlapping; the refresh lock guards against any other
starter too (exit code 3, which fails the task: a run still going at the next night's start is worth a
look). Paths and the connection id are examples.
"""

from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

JAR = "hdfs:///judgeforge/jars/pipeline-jobs-0.1.0-SNAPSHOT-spark4.0_2.13.jar"  # or the spark3.5_2.12 jar
CONF = "hdfs:///judgeforge/conf/prod.yaml"
OUT = "hdfs:///judgeforge/out"

with DAG(
    dag_id="judgeforge_nightly_refresh",
    schedule="30 2 * * *",
    start_date=datetime(2026, 12, 1),
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 1, "retry_delay": timedelta(minutes=30)},
    tags=["judgeforge"],
) as dag:
    SparkSubmitOperator(
        task_id="refresh",
        conn_id="spark_default",
        application=JAR,
        java_class="io.judgeforge.jobs.cli.Main",
        application_args=["refresh", "--conf", CONF, "--out", OUT],
        conf={
            "spark.submit.deployMode": "client",
            "spark.driver.extraJavaOptions": "-Xmx8g",
        },
        # API keys: the variables the config names (api-key-env), from Airflow's environment or secrets.
        env_vars={"OPENAI_API_KEY": "{{ var.value.openai_api_key }}"},
        execution_timeout=timedelta(hours=12),
    )
