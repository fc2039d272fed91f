#!/bin/bash
# Runs at every start of the Oracle Free container (idempotent): the application's schema owner in FREEPDB1.
sqlplus -s "sys/${ORACLE_PWD}@//localhost:1521/FREEPDB1 as sysdba" <<SQL
DECLARE
  n NUMBER;
BEGIN
  SELECT COUNT(*) INTO n FROM dba_users WHERE username = 'MDMS';
  IF n = 0 THEN
    EXECUTE IMMEDIATE 'CREATE USER mdms IDENTIFIED BY "${ORACLE_PWD}" QUOTA UNLIMITED ON USERS';
    EXECUTE IMMEDIATE 'GRANT CREATE SESSION, CREATE TABLE, CREATE SEQUENCE, CREATE VIEW, CREATE PROCEDURE TO mdms';
  END IF;
END;
/
SQL
