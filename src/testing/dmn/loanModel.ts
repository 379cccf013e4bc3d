/**
 * A DMN 1.5 model written for the tests: input data of three kinds (number, string with
 * allowed values, a structure), decision tables with several hit policies, a literal expression
 * calling a business knowledge model, and cells the table format cannot hold.
 */
export const LOAN_MODEL = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" id="loans" name="Loan Rules"
    namespace="https://example.org/loans">
  <itemDefinition name="tRisk"><typeRef>string</typeRef>
    <allowedValues><text>"Low","Medium","High"</text></allowedValues></itemDefinition>
  <itemDefinition name="tLoan">
    <itemComponent name="amount"><typeRef>number</typeRef></itemComponent>
    <itemComponent name="rate"><typeRef>number</typeRef></itemComponent>
    <itemComponent name="term"><typeRef>number</typeRef></itemComponent>
  </itemDefinition>
  <itemDefinition name="tOffer">
    <itemComponent name="Status"><typeRef>string</typeRef></itemComponent>
    <itemComponent name="Limit"><typeRef>number</typeRef></itemComponent>
  </itemDefinition>
  <inputData id="i_age" name="Applicant Age"><variable name="Applicant Age" typeRef="number"/></inputData>
  <inputData id="i_risk" name="Risk"><variable name="Risk" typeRef="tRisk"/></inputData>
  <inputData id="i_loan" name="Loan"><variable name="Loan" typeRef="tLoan"/></inputData>
  <businessKnowledgeModel id="b_pmt" name="PMT">
    <encapsulatedLogic>
      <formalParameter name="p" typeRef="number"/><formalParameter name="r" typeRef="number"/>
      <formalParameter name="n" typeRef="number"/>
      <literalExpression><text>(p*r/12)/(1-(1+r/12)**-n)</text></literalExpression>
    </encapsulatedLogic>
  </businessKnowledgeModel>
  <decision id="d_band" name="Risk Band">
    <variable name="Risk Band" typeRef="string"/>
    <informationRequirement id="ir1"><requiredInput href="#i_age"/></informationRequirement>
    <informationRequirement id="ir2"><requiredInput href="#i_risk"/></informationRequirement>
    <decisionTable id="t_band" hitPolicy="PRIORITY">
      <input id="c_age" label="Age"><inputExpression typeRef="number"><text>Applicant Age</text></inputExpression></input>
      <input id="c_risk" label="Risk"><inputExpression typeRef="string"><text>Risk</text></inputExpression></input>
      <output id="o_band"><outputValues><text>"Red","Amber","Green"</text></outputValues></output>
      <rule id="b1"><inputEntry id="b1a"><text>[18..25)</text></inputEntry><inputEntry id="b1b"><text>-</text></inputEntry><outputEntry id="b1c"><text>"Amber"</text></outputEntry></rule>
      <rule id="b2"><inputEntry id="b2a"><text>-</text></inputEntry><inputEntry id="b2b"><text>"High"</text></inputEntry><outputEntry id="b2c"><text>"Red"</text></outputEntry></rule>
      <rule id="b3"><inputEntry id="b3a"><text>&gt;= 18</text></inputEntry><inputEntry id="b3b"><text>not("High")</text></inputEntry><outputEntry id="b3c"><text>"Green"</text></outputEntry></rule>
      <rule id="b4"><inputEntry id="b4a"><text>date("2020-01-01")</text></inputEntry><inputEntry id="b4b"><text>-</text></inputEntry><outputEntry id="b4c"><text>"Red"</text></outputEntry></rule>
    </decisionTable>
  </decision>
  <decision id="d_points" name="Points">
    <variable name="Points" typeRef="number"/>
    <informationRequirement id="ir3"><requiredInput href="#i_age"/></informationRequirement>
    <decisionTable id="t_points" hitPolicy="COLLECT" aggregation="SUM">
      <input id="c_age2"><inputExpression typeRef="number"><text>Applicant Age</text></inputExpression></input>
      <output id="o_points"/>
      <rule id="p1"><inputEntry><text>&gt; 20</text></inputEntry><outputEntry><text>10</text></outputEntry></rule>
      <rule id="p2"><inputEntry><text>&gt; 40</text></inputEntry><outputEntry><text>5.5</text></outputEntry></rule>
    </decisionTable>
  </decision>
  <decision id="d_offer" name="Offer">
    <variable name="Offer" typeRef="tOffer"/>
    <informationRequirement id="ir4"><requiredDecision href="#d_band"/></informationRequirement>
    <decisionTable id="t_offer" hitPolicy="UNIQUE">
      <input id="c_band"><inputExpression typeRef="string"><text>Risk Band</text></inputExpression></input>
      <output id="o_status" name="Status" typeRef="string"><defaultOutputEntry><text>"Refer"</text></defaultOutputEntry></output>
      <output id="o_limit" name="Limit" typeRef="number"><defaultOutputEntry><text>0</text></defaultOutputEntry></output>
      <rule id="f1"><inputEntry><text>"Green"</text></inputEntry><outputEntry><text>"Approve"</text></outputEntry><outputEntry><text>50000</text></outputEntry></rule>
      <rule id="f2"><inputEntry><text>"Amber"</text></inputEntry><outputEntry><text>"Approve"</text></outputEntry><outputEntry><text>10000</text></outputEntry></rule>
    </decisionTable>
  </decision>
  <decision id="d_strict" name="Adult">
    <variable name="Adult" typeRef="boolean"/>
    <informationRequirement id="ir5"><requiredInput href="#i_age"/></informationRequirement>
    <decisionTable id="t_adult" hitPolicy="UNIQUE">
      <input id="c_age3"><inputExpression typeRef="number"><text>Applicant Age</text></inputExpression></input>
      <output id="o_adult"/>
      <rule id="a1"><inputEntry><text>&gt;= 18</text></inputEntry><outputEntry><text>true</text></outputEntry></rule>
    </decisionTable>
  </decision>
  <decision id="d_payment" name="Monthly Payment">
    <variable name="Monthly Payment" typeRef="number"/>
    <informationRequirement id="ir6"><requiredInput href="#i_loan"/></informationRequirement>
    <knowledgeRequirement id="kr1"><requiredKnowledge href="#b_pmt"/></knowledgeRequirement>
    <literalExpression id="le1"><text>PMT(Loan.amount, Loan.rate, Loan.term)</text></literalExpression>
  </decision>
</definitions>`;

/** Test cases for the model, in the TCK's format. */
export const LOAN_TESTS = `<?xml version="1.0" encoding="UTF-8"?>
<testCases xmlns="http://www.omg.org/spec/DMN/20160719/testcase"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <modelName>loans.dmn</modelName>
  <testCase id="001">
    <inputNode name="Applicant Age"><value xsi:type="xsd:decimal">21</value></inputNode>
    <inputNode name="Risk"><value xsi:type="xsd:string">Low</value></inputNode>
    <inputNode name="Loan">
      <component name="amount"><value xsi:type="xsd:decimal">600000</value></component>
      <component name="rate"><value xsi:type="xsd:decimal">0.0375</value></component>
      <component name="term"><value xsi:type="xsd:decimal">360</value></component>
    </inputNode>
    <resultNode name="Risk Band"><expected><value xsi:type="xsd:string">Amber</value></expected></resultNode>
    <resultNode name="Points"><expected><value xsi:type="xsd:decimal">10</value></expected></resultNode>
    <resultNode name="Offer"><expected>
      <component name="Status"><value xsi:type="xsd:string">Approve</value></component>
      <component name="Limit"><value xsi:type="xsd:decimal">10000</value></component>
    </expected></resultNode>
    <resultNode name="Monthly Payment"><expected><value xsi:type="xsd:decimal">2778.69354943277</value></expected></resultNode>
  </testCase>
  <testCase id="002">
    <inputNode name="Applicant Age"><value xsi:type="xsd:decimal">16</value></inputNode>
    <inputNode name="Risk"><value xsi:type="xsd:string">Medium</value></inputNode>
    <resultNode name="Risk Band"><expected><value xsi:nil="true"/></expected></resultNode>
    <resultNode name="Offer"><expected>
      <component name="Status"><value xsi:type="xsd:string">Refer</value></component>
      <component name="Limit"><value xsi:type="xsd:decimal">0</value></component>
    </expected></resultNode>
    <resultNode name="Adult"><expected><value xsi:nil="true"/></expected></resultNode>
    <resultNode name="Monthly Payment"><expected><value xsi:nil="true"/></expected></resultNode>
  </testCase>
  <testCase id="003">
    <inputNode name="Applicant Age"><value xsi:type="xsd:decimal">50</value></inputNode>
    <inputNode name="Risk"><value xsi:type="xsd:string">High</value></inputNode>
    <resultNode name="Risk Band"><expected><value xsi:type="xsd:string">Green</value></expected></resultNode>
  </testCase>
</testCases>`;
